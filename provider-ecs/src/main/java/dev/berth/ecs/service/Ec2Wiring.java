package dev.berth.ecs.service;

import dev.berth.ecs.store.ServiceSettings;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.placement.PlannedPlacements;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.task.TaskStarter;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.engine.provider.ProviderStore;

import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/** Builds the EC2 deployer from the pieces the service resource already has. */
final class Ec2Wiring {
    private Ec2Wiring() {
    }

    static Ec2Deployer deployer(ProviderStore store, Table<ClusterRow> clusters, Table<ServiceRow> services,
                                TaskDefinitionRegistry registry, TaskTable tasks, TaskLauncher launcher,
                                TaskStarter starter, Supplier<ContainerRuntime> fleet, ExecutorService pool,
                                PlannedPlacements planned,
                                ServiceDeployer observer) {
        ClusterView view = new ClusterView(store);
        EventLog events = new EventLog(store);
        // The fleet supplier is resolved per call, as the FARGATE path does, so tests can swap engines.
        ContainerRuntime lazyFleet = new LazyRuntime(fleet);
        Ec2Rollout rollout = new Ec2Rollout(view, starter, launcher, tasks,
                new Table<>(store, PlacementRow.TABLE, PlacementRow.class),
                new Table<>(store, InstanceRow.TABLE, InstanceRow.class), lazyFleet, pool, events);
        return new Ec2Deployer(clusters, services, new Table<>(store, ServiceSettings.TABLE, ServiceSettings.class), registry,
                view, rollout, lazyFleet, tasks, events, planned, observer::observe);
    }
}
