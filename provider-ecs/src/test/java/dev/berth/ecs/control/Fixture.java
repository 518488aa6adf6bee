package dev.berth.ecs.control;

import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.instance.ContainerInstanceResource;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.service.Deployer;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.ContainerDefinitionsJson;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.EcsStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A control plane over a store of one test's own, with a cluster, the task definitions and the
 * container instances a test puts in it, and a clock the test moves. The rows are written as
 * the resources write them, so the actions under test see what they would see in use.
 */
final class Fixture {
    final EcsStore store;
    final String clusterName = "pb-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    final String clusterArn = EcsArn.cluster(clusterName);
    final MovableClock clock = new MovableClock();
    final ControlPlane plane;

    Fixture(EcsStore store, ContainerRuntime runtime) {
        this(store, runtime, (Deployer) null);
    }

    /** A control plane whose CreateService and UpdateService deploy as {@code rollouts} say. */
    Fixture(EcsStore store, ContainerRuntime runtime, Rollouts rollouts) {
        this.store = store;
        new Table<>(store, ClusterRow.TABLE, ClusterRow.class).put(clusterArn,
                new ClusterRow(clusterArn, clusterName, ClusterRow.networkFor(clusterName), Map.of(), "ACTIVE"));
        this.plane = new ControlPlane(store, host -> runtime, rollouts);
    }

    /** {@code deployer}: a deployer of the test's own (its Fargate quota), or null for the control plane's. */
    Fixture(EcsStore store, ContainerRuntime runtime, Deployer deployer) {
        this.store = store;
        new Table<>(store, ClusterRow.TABLE, ClusterRow.class).put(clusterArn,
                new ClusterRow(clusterArn, clusterName, ClusterRow.networkFor(clusterName), Map.of(), "ACTIVE"));
        this.plane = deployer == null ? new ControlPlane(store, host -> runtime, clock)
                : new ControlPlane(store, host -> runtime, deployer, ReadScope.none(), clock);
    }

    TaskDefinitionRow register(String family, String networkMode, List<String> compat, String cpu, String memory,
                               String containersJson) {
        ContainerDefinitionsJson.Parsed parsed = ContainerDefinitionsJson.parse(containersJson);
        if (!parsed.ok()) throw new IllegalArgumentException("bad containers: " + containersJson);
        return new TaskDefinitionRegistry(store).register(family, cpu, memory, networkMode, compat, null, null,
                ContainerDefinitionsJson.canonical(parsed.containers()), null, null);
    }

    /** A container instance of the cluster on the engine given (null: the local one). */
    InstanceRow instance(String id, String zone, int cpu, int memory, String engine, boolean connected) {
        String arn = ContainerInstanceResource.arn(clusterName, id);
        InstanceRow row = new InstanceRow(arn, id, clusterArn, null, engine, cpu, memory,
                Map.of("ecs.availability-zone", zone), InstanceRow.ACTIVE, connected);
        new Table<>(store, InstanceRow.TABLE, InstanceRow.class).put(arn, row);
        return row;
    }

    /** A clock that stands still until a test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-03T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
