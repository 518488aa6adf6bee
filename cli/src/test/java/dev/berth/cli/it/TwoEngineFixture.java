package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A test on two real engines: the local one and a second dockerd started for it. Afterwards
 * everything is destroyed through berth, every container and network of the cluster is removed
 * from both engines, and the second engine is stopped, even after a failure.
 */
abstract class TwoEngineFixture {
    @TempDir
    Path dir;
    DockerRuntime local;
    DockerRuntime second;
    String cluster;

    @BeforeEach
    void startEngines() throws Exception {
        local = DockerEngine.require();
        second = SecondEngine.start();
        cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeEverything() throws Exception {
        if (local == null) return;
        try {
            if (second != null) {
                beforeDestroy();
                CliRun.in(dir, "destroy", "-auto-approve", "-lock-timeout=30s");
            }
        } finally {
            DockerEngine.cleanUp(local, cluster);
            if (second != null) {
                try {
                    DockerEngine.cleanUp(second, cluster);
                } finally {
                    second.close();
                    SecondEngine.stop();
                }
            }
            local.close();
        }
    }

    /** What must hold before the destroy, e.g. the second engine answering again. */
    void beforeDestroy() throws Exception {
    }

    List<ContainerInfo> running(DockerRuntime engine) {
        return DockerEngine.containersOf(engine, cluster).stream().filter(ContainerInfo::running).toList();
    }
}
