package dev.berth.ecs.control;

import dev.berth.ecs.instance.Drainer;
import dev.berth.ecs.instance.EngineFleet;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.service.ServiceResource;
import dev.berth.ecs.store.EcsStore;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The services' drainer for a control plane built on its own (by {@code berth ecs} or {@code
 * berth server}); the HCL provider hands in the one of its service resource instead, so one
 * service scheduler serves both.
 */
final class Drainers {
    private Drainers() {
    }

    static Drainer of(EcsStore store, Function<String, ContainerRuntime> runtimes) {
        EngineFleet fleet = new EngineFleet(store, runtimes);
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "ecs-drain");
            t.setDaemon(true);
            return t;
        });
        return new ServiceResource(store, () -> fleet, pool, runtimes, () -> Integer.MAX_VALUE / 4).drainer();
    }
}
