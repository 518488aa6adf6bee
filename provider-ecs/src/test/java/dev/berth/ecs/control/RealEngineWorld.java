package dev.berth.ecs.control;

import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import dev.berth.ecs.runtime.docker.LocalEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/**
 * A control plane world on the real Docker engine for one test: required in CI, and everything
 * of the test's cluster (containers, its network) is removed afterwards, even when it fails. Its
 * store is the build pass's (TestWorldStore): a SQLite file, or a PostgreSQL schema.
 */
abstract class RealEngineWorld {
    DockerRuntime engine;
    Fixture world;
    private TestWorldStore stores;

    @BeforeEach
    void connect() {
        engine = LocalEngine.require();
        stores = TestWorldStore.open();
        world = new Fixture(stores.store, engine);
    }

    @AfterEach
    void removeEverything() throws Exception {
        if (world == null) return;
        try (TestWorldStore closing = stores) {
            for (ContainerInfo c : engine.listContainers(Map.of(EcsLabels.CLUSTER, world.clusterArn))) {
                engine.removeContainer(c.id());
            }
            engine.removeNetwork("berth-" + world.clusterName);
        } finally {
            engine.close();
        }
    }
}
