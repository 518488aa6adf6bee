package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A private copy of examples/web on the real engine, with this test's cluster name passed as the
 * example's cluster_name variable.
 */
abstract class WebExampleFixture extends ClusterFixture {
    static final Path EXAMPLE = Path.of("..", "examples", "web", "main.hcl");

    @BeforeEach
    void copyExample() throws Exception {
        Files.copy(EXAMPLE, dir.resolve("main.hcl"));
    }

    @Override
    String[] destroyArgs() {
        return new String[]{"destroy", "-auto-approve", "-lock-timeout=30s", "-var", "cluster_name=" + cluster};
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
