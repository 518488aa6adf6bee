package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import dev.berth.ecs.secret.SecretStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10's round trip: every configuration under {@code examples/} applies on the real engine,
 * the plan right after it is empty ({@code plan -detailed-exitcode} exits 0) and destroy removes
 * it. The examples are found by listing the directory, so a new one is covered without editing
 * this test; they run one after another on the one engine, each in a directory and cluster of its
 * own, and whatever a failure leaves (containers, networks, the shared volumes berth never
 * removes) is removed afterwards.
 */
class ExamplesRoundTripIT {
    private static final Path EXAMPLES = Path.of("..", "examples");
    /** Directories that are not configurations. */
    private static final Set<String> NOT_APPLIED = Set.of("image");
    /** Secrets an example reads, put in its directory's secret store before it applies. */
    private static final Map<String, String> SECRETS = Map.of("secrets", "demo/db-password");

    private static DockerRuntime docker;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        docker = DockerEngine.require();
    }

    @AfterAll
    static void closeEngine() {
        if (docker != null) docker.close();
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !NOT_APPLIED.contains(n)).sorted().toList().stream();
        }
    }

    @Test
    void everyExampleIsAConfigurationThisTestApplies() throws IOException {
        List<String> names = examples().toList();
        assertTrue(names.containsAll(List.of("web", "worker-volumes", "volumes", "logs", "bridge-links", "secrets",
                "depends-on", "firelens")), names::toString);
        for (String n : names) {
            Path d = EXAMPLES.resolve(n);
            assertTrue(Files.exists(d.resolve("main.hcl")) || Files.exists(d.resolve("main.tf")), n + " has a configuration");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void appliesThenPlansEmptyThenDestroys(String example) throws Exception {
        String cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
        copy(EXAMPLES.resolve(example), dir);
        List<String> vars = new ArrayList<>(List.of("-var", "cluster_name=" + cluster));
        if (example.equals("worker-volumes")) {
            Path config = Files.createDirectories(dir.resolve("worker-config"));
            vars.addAll(List.of("-var", "config_dir=" + config.toAbsolutePath()));
        }
        if (SECRETS.containsKey(example)) {
            try (SecretStore s = SecretStore.open(TestStores.secrets(dir))) {
                s.put(SECRETS.get(example), "round-trip-" + cluster);
            }
        }
        Set<String> volumesBefore = Set.of(DockerEngine.cli("volume", "ls", "-q").split("\n"));
        try {
            CliRun applied = berth(vars, "apply", "-auto-approve");
            assertEquals(0, applied.exitCode(), () -> example + ": " + applied);
            CliRun plan = berth(vars, "plan", "-detailed-exitcode");
            assertEquals(0, plan.exitCode(), () -> example + ": the plan after apply is not empty: " + plan);
            CliRun destroyed = berth(vars, "destroy", "-auto-approve");
            assertEquals(0, destroyed.exitCode(), () -> example + ": " + destroyed);
            assertEquals(List.of(), DockerEngine.containersOf(docker, cluster), "destroy leaves no container");
        } finally {
            berth(vars, "destroy", "-auto-approve", "-lock-timeout=30s");
            DockerEngine.cleanUp(docker, cluster);
            // Shared volumes outlive their tasks and berth's destroy, as on ECS: named after the cluster here.
            for (String v : DockerEngine.cli("volume", "ls", "-q").split("\n")) {
                if (v.startsWith(cluster) && !volumesBefore.contains(v)) DockerEngine.cli("volume", "rm", "-f", v);
            }
        }
    }

    private CliRun berth(List<String> vars, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(vars);
        return CliRun.in(dir, all.toArray(String[]::new));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else if (!f.getFileName().toString().startsWith("berth.db")) Files.copy(f, target);
            }
        }
    }
}
