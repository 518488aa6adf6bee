package dev.berth.ecs.control;

import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.ClientTokens;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.store.EcsStore;

import java.time.Clock;

/**
 * The control plane's tables as its action classes read them. Deleted clusters and deregistered
 * container instances move to records of their own ({@link InactiveRecords}): they stay
 * describable as INACTIVE, as in ECS, while everything that places, deploys or follows engines
 * keeps reading only the live tables and so can never pick a deregistered instance or a deleted
 * cluster.
 */
final class World {

    final EcsStore store;
    final Table<ClusterRow> clusters;
    final InactiveRecords inactive;
    final Table<ClusterSettingsRow> clusterSettings;
    final Table<InstanceRow> instances;
    final Table<ServiceRow> services;
    final Table<TaskRow> tasks;
    final Table<PlacementRow> placements;
    final TaskDefinitionRegistry registry;
    final ClientTokens tokens;
    final Tags tags;

    World(EcsStore store, Clock clock) {
        this.store = store;
        this.clusters = new Table<>(store, ClusterRow.TABLE, ClusterRow.class);
        this.inactive = new InactiveRecords(store, clock);
        this.clusterSettings = new Table<>(store, ClusterSettingsRow.TABLE, ClusterSettingsRow.class);
        this.instances = new Table<>(store, InstanceRow.TABLE, InstanceRow.class);
        this.services = new Table<>(store, ServiceRow.TABLE, ServiceRow.class);
        this.tasks = new Table<>(store, TaskRow.TABLE, TaskRow.class);
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
        this.registry = new TaskDefinitionRegistry(store);
        this.tokens = new ClientTokens(store);
        this.tags = new Tags(store, clusters);
    }
}
