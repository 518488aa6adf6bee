package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A private copy of examples/web on the real engine: its own directory, state file and cluster
 * name, so tests never meet each other or a user's run. Every container and network the test
 * made is removed afterwards, even when it failed half-way.
 */
abstract class WebExampleFixture {
    static final Path EXAMPLE = Path.of("..", "examples", "web", "main.hcl");

    @TempDir
    Path dir;
    DockerRuntime docker;
    String cluster;

    @BeforeEach
    void copyExample() throws Exception {
        docker = DockerEngine.require();
        cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Files.copy(EXAMPLE, dir.resolve("main.hcl"));
    }

    @AfterEach
    void removeEverything() {
        if (docker == null) return;
        try {
            CliRun.in(dir, "destroy", "-auto-approve", "-lock-timeout=30s", "-var", "cluster_name=" + cluster);
        } finally {
            DockerEngine.cleanUp(docker, cluster);
            docker.close();
        }
    }

    /** berth in the example's directory, with this test's cluster name. */
    CliRun berth(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-var");
        all.add("cluster_name=" + cluster);
        return CliRun.in(dir, all.toArray(String[]::new));
    }

    /** The running containers of this cluster with the given ECS container name. */
    List<ContainerInfo> running(String containerName) {
        return DockerEngine.containersOf(docker, cluster).stream()
                .filter(c -> containerName.equals(c.labels().get("dev.berth.container-name")))
                .filter(ContainerInfo::running).toList();
    }
}
