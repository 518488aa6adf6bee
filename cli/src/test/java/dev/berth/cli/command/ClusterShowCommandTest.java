package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.cli.wiring.ControlPlaneHost;
import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.ClusterCalls.DeleteClusterRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code berth cluster show} on a control plane store of the test's own, as plain text (no terminal). */
class ClusterShowCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheNamedClusterAndNamesOneThatDoesNotExist() {
        Path store = TestStores.of(dir);
        try (ControlPlaneHost host = ControlPlaneHost.open(store, TestStores.env(dir))) {
            host.api().createCluster(new CreateClusterRequest("demo", null, null));
            host.api().createCluster(new CreateClusterRequest("other", null, null));
        }
        try {
            showsThem(TestStores.env(dir));
        } finally {
            // CreateCluster made each cluster's network on the engine; DeleteCluster removes it.
            try (ControlPlaneHost host = ControlPlaneHost.open(store, TestStores.env(dir))) {
                host.api().deleteCluster(new DeleteClusterRequest("demo"));
                host.api().deleteCluster(new DeleteClusterRequest("other"));
            }
        }
    }

    private static void showsThem(Map<String, String> env) {
        CliRun one = CliRun.withEnv(env, "cluster", "show", "demo");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals("Cluster demo (ACTIVE): 0 instances, 0 services, 0 running, 0 pending\n", one.out());

        CliRun all = CliRun.withEnv(env, "cluster", "show");
        assertEquals("Cluster demo (ACTIVE): 0 instances, 0 services, 0 running, 0 pending\n\n"
                + "Cluster other (ACTIVE): 0 instances, 0 services, 0 running, 0 pending\n", all.out());

        CliRun missing = CliRun.withEnv(env, "cluster", "show", "nope");
        assertEquals(1, missing.exitCode());
        assertEquals("\nError: No cluster named \"nope\".\n", missing.err());
    }
}
