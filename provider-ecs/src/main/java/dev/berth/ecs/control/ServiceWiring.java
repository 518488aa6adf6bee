package dev.berth.ecs.control;

import dev.berth.ecs.instance.EngineFleet;
import dev.berth.ecs.placement.FargateCapacity;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.service.Deployer;
import dev.berth.ecs.service.TaskPool;
import dev.berth.ecs.store.EcsStore;

import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/** The service deployer of a control plane that has no provider to share one with. */
final class ServiceWiring {
    private ServiceWiring() {
    }

    static Deployer deployer(EcsStore store, Function<String, ContainerRuntime> runtimes) {
        ExecutorService pool = TaskPool.create("ecs-control-tasks");
        // Service tasks are listed and stopped wherever they run: on the local engine or an instance's.
        EngineFleet fleet = new EngineFleet(store, runtimes);
        // The account's Fargate quota: BERTH_FARGATE_VCPU_QUOTA, else what the local engine holds.
        return new Deployer(store, () -> fleet, pool, runtimes, FargateCapacity.fromEnvironment(() -> runtimes.apply(null)));
    }
}
