package dev.berth.cli.it;

import dev.berth.cli.TestStores;
import dev.berth.ecs.load.EcsWire;
import dev.berth.ecs.load.LoadRun;
import dev.berth.ecs.load.LoadWorld;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import dev.berth.ecs.store.OpenEcsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load test of bench/run-load.sh in small (a few clients for a few seconds, a world of a
 * few hundred tasks), so it cannot rot: against a real {@code berth server} process and the real
 * engine, every call answers, no task RunTask started is lost and no instance holds more than it
 * registered. The numbers it measures are not checked here; bench/README.md reports them.
 */
class ServerLoadIT {
    @TempDir
    Path dir;

    @Test
    void aShortLoadLosesNothingAndOverCommitsNothing() throws Exception {
        DockerRuntime docker = DockerEngine.require();
        String cluster = "load-it-" + UUID.randomUUID().toString().substring(0, 8);
        Path storeFile = TestStores.of(dir);
        try (ServerProcess server = ServerProcess.start(storeFile)) {
            EcsWire wire = new EcsWire(server.endpoint());
            LoadWorld world = LoadWorld.create(wire, cluster, 2, 512, 1024, 1, 4);
            try {
                try (OpenEcsStore store = TestStores.openEcs(dir)) {
                    world.seedStopped(store, 300);
                }
                LoadRun.Result r = new LoadRun(wire, world,
                        new LoadRun.Settings(4, Duration.ofSeconds(4), 10, 40, 7)).run();
                assertEquals(List.of(), r.failures(), r.report());
                assertEquals(List.of(), r.lost(), r.report());
                assertEquals(List.of(), r.overCommits(), r.report());
                assertTrue(r.samples() >= 1, r.report());
                assertTrue(r.started() >= 1, "the load ran tasks:\n" + r.report());
                for (String action : List.of("DescribeTasks", "ListTasks", "DescribeServices", "ListServices", "RunTask")) {
                    assertTrue(r.latencies().containsKey(action), action + " was called:\n" + r.report());
                }
            } finally {
                world.destroy();
            }
        } finally {
            DockerEngine.cleanUp(docker, cluster);
        }
    }
}
