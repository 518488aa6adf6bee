package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.dockerd.SecondDockerd;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A test on two real engines: the local one and a private dockerd ({@link SecondDockerd}) started
 * once for the test class. After each test everything is destroyed through berth and every
 * container and network of its cluster is removed from both engines; after the class the second
 * engine is closed (its containers, processes and directories removed), even after a failure.
 */
abstract class TwoEngineFixture {
    static SecondDockerd engine;

    @TempDir
    Path dir;
    DockerRuntime local;
    DockerRuntime second;
    String cluster;

    @BeforeAll
    static void startSecondEngine() {
        engine = SecondDockerd.plain();
    }

    @AfterAll
    static void closeSecondEngine() {
        if (engine != null) engine.close();
        engine = null;
    }

    @BeforeEach
    void startEngines() {
        local = DockerEngine.require();
        second = DockerRuntime.connect(engine.unixHost());
        cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeEverything() throws Exception {
        if (local == null) return;
        try {
            beforeDestroy();
            CliRun.in(dir, "destroy", "-auto-approve", "-lock-timeout=30s");
        } finally {
            DockerEngine.cleanUp(local, cluster);
            try {
                if (engine.running()) DockerEngine.cleanUp(second, cluster);
            } finally {
                second.close();
                local.close();
            }
        }
    }

    /** What must hold before the destroy, e.g. the second engine answering again. */
    void beforeDestroy() throws Exception {
    }

    List<ContainerInfo> running(DockerRuntime engine) {
        return DockerEngine.containersOf(engine, cluster).stream().filter(ContainerInfo::running).toList();
    }
}
