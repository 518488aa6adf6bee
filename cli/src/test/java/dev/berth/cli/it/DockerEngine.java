package dev.berth.cli.it;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.Assumptions;

import java.util.List;
import java.util.Map;

/**
 * The real local Docker engine for tests. In CI (CI=true) a missing engine fails the test;
 * elsewhere it skips it, so a developer without Docker can still run the pure tests.
 */
final class DockerEngine {
    private DockerEngine() {
    }

    static DockerRuntime require() {
        DockerRuntime runtime = DockerRuntime.connect(null);
        try {
            runtime.ping();
        } catch (RuntimeException e) {
            runtime.close();
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true but no Docker engine answers: " + e.getMessage(), e);
            }
            Assumptions.abort("No Docker engine: " + e.getMessage());
        }
        return runtime;
    }

    /** Every container of a cluster, running or not. */
    static List<ContainerInfo> containersOf(DockerRuntime runtime, String cluster) {
        return runtime.listContainers(Map.of("dev.berth.cluster", clusterArn(cluster)));
    }

    static String clusterArn(String cluster) {
        return "arn:aws:ecs:local:000000000000:cluster/" + cluster;
    }

    /**
     * Removes whatever a test left behind, even after a failure half-way: every container of the
     * cluster (not only those a task label names), then its network. The engine may refuse for a
     * moment (a removal still under way, a root filesystem still busy), so each is tried again for
     * a few seconds before the last refusal is thrown.
     */
    static void cleanUp(DockerRuntime runtime, String cluster) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                java.util.Set<String> tasks = new java.util.LinkedHashSet<>();
                for (ContainerInfo c : containersOf(runtime, cluster)) {
                    String task = c.labels().get("dev.berth.task-arn");
                    // A task's containers go with it, in the order its stop removes them.
                    if (task != null) tasks.add(task);
                    else runtime.removeContainer(c.id());
                }
                for (String task : tasks) runtime.stopTask(task, java.time.Duration.ZERO);
                runtime.removeNetwork("berth-" + cluster);
                return;
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }

    /** Runs the docker CLI as a user would outside berth; returns its output, fails the test on error. */
    static String cli(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new AssertionError("docker " + String.join(" ", args) + " failed: " + output);
        return output.trim();
    }

    /** docker kill, as a user would do it outside berth. */
    static void kill(String containerId) throws Exception {
        Process p = new ProcessBuilder("docker", "kill", containerId).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new AssertionError("docker kill failed: " + output);
    }
}
