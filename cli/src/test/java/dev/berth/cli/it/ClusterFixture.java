package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A test of its own on the real engine: a directory with its own state file and a cluster name
 * no other test uses. Afterwards everything is destroyed through berth and then, whatever that
 * managed, every container and network of the cluster is removed, even after a failure.
 */
abstract class ClusterFixture {
    @TempDir
    Path dir;
    DockerRuntime docker;
    String cluster;

    @BeforeEach
    void claimCluster() {
        docker = DockerEngine.require();
        cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeEverything() {
        if (docker == null) return;
        try {
            CliRun.in(dir, destroyArgs());
        } finally {
            DockerEngine.cleanUp(docker, cluster);
            docker.close();
        }
    }

    /** How this test's configuration is destroyed; a subclass adds the -var it needs. */
    String[] destroyArgs() {
        return new String[]{"destroy", "-auto-approve", "-lock-timeout=30s"};
    }
}
