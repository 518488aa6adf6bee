package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/volumes on the real engine: what a task writes to a shared volume is there for the
 * task that replaces it, a task's own volume goes with it, volumes_from and read-only mounts mean
 * what they mean on ECS, the next plan is empty, and destroy leaves the shared volume as ECS does
 * (the test removes it afterwards, even when it failed).
 */
class VolumesExampleIT extends ClusterFixture {
    private static final Path EXAMPLE = Path.of("..", "examples", "volumes");

    private String shared() {
        return cluster + "-data";
    }

    @Override
    String[] destroyArgs() {
        return new String[]{"destroy", "-auto-approve", "-lock-timeout=30s", "-var", "cluster_name=" + cluster};
    }

    /** Overrides the fixture's (JUnit runs an overriding method only when it is annotated too). */
    @Override
    @AfterEach
    void removeEverything() {
        try {
            super.removeEverything();
        } finally {
            try {
                DockerEngine.cli("volume", "rm", "-f", shared());
            } catch (Exception | AssertionError e) {
                System.err.println("could not remove volume " + shared() + ": " + e.getMessage());
            }
        }
    }

    private CliRun berth(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-var", "cluster_name=" + cluster));
        return CliRun.in(dir, all.toArray(String[]::new));
    }

    private ContainerInfo running(String name) {
        List<ContainerInfo> found = DockerEngine.containersOf(docker, cluster).stream()
                .filter(c -> name.equals(c.labels().get("dev.berth.container-name")))
                .filter(ContainerInfo::running).toList();
        assertEquals(1, found.size(), () -> "running " + name + ": " + found);
        return found.get(0);
    }

    private static String sh(ContainerInfo c, String script) throws Exception {
        return DockerEngine.cli("exec", c.id(), "sh", "-c", script);
    }

    private static List<String> taskVolumes(String taskArn) throws Exception {
        String out = DockerEngine.cli("volume", "ls", "-q", "--filter", "label=dev.berth.task-arn=" + taskArn);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    @Test
    void sharedDataOutlivesTaskReplacementAndTaskVolumesGoWithTheirTask() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.copy(EXAMPLE.resolve("main.hcl"), dir.resolve("main.hcl"));
        Files.copy(EXAMPLE.resolve("conf").resolve("greeting.txt"), dir.resolve("conf").resolve("greeting.txt"));

        CliRun applied = berth("apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);
        ContainerInfo writer = running("writer");
        ContainerInfo reader = running("reader");
        String firstTask = writer.labels().get("dev.berth.task-arn");
        assertEquals("first", sh(writer, "cat /data/starts"));
        assertEquals("hello from the host", sh(writer, "cat /etc/app/greeting.txt"));
        assertTrue(sh(writer, "touch /etc/app/x 2>&1; echo rc=$?").contains("Read-only file system"),
                "the host directory is mounted read-only");
        assertEquals("first", sh(reader, "cat /data/starts"), "volumes_from sees writer's volumes");
        assertEquals("scratch", sh(reader, "cat /scratch/f"));
        assertTrue(sh(reader, "echo x >> /data/starts 2>&1; echo rc=$?").contains("Read-only file system"),
                "volumes_from with read_only = true cannot write");
        assertEquals(1, taskVolumes(firstTask).size(), "the scratch volume is the task's own");

        CliRun settled = berth("plan", "-detailed-exitcode");
        assertEquals(0, settled.exitCode(), () -> "the plan after apply is empty: " + settled);

        // A new revision: the service replaces its task, which finds the first task's data.
        CliRun rolled = berth("apply", "-auto-approve", "-var", "message=second");
        assertEquals(0, rolled.exitCode(), rolled::toString);
        ContainerInfo replaced = running("writer");
        assertTrue(!replaced.labels().get("dev.berth.task-arn").equals(firstTask), "a new task runs");
        assertEquals("first\nsecond", sh(replaced, "cat /data/starts"));
        assertEquals(List.of(), taskVolumes(firstTask), "the replaced task's own volume went with it");

        CliRun destroyed = berth("destroy", "-auto-approve");
        assertEquals(0, destroyed.exitCode(), destroyed::toString);
        assertEquals(List.of(), DockerEngine.containersOf(docker, cluster));
        assertEquals(shared(), DockerEngine.cli("volume", "inspect", "-f", "{{.Name}}", shared()),
                "like ECS, berth leaves a shared volume when its tasks go");
        assertEquals("shared", DockerEngine.cli("volume", "inspect", "-f",
                "{{index .Labels \"dev.berth.volume-scope\"}}", shared()), "and marks it as one berth made");
    }
}
