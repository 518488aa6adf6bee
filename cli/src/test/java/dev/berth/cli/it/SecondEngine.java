package dev.berth.cli.it;

import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second Docker engine on this machine, started by {@code scripts/second-dockerd.sh} (which
 * is idempotent) and stopped by the same script. With CI=true failing to start it fails the
 * test; elsewhere the test is skipped.
 */
final class SecondEngine {
    static final String SOCKET = "/tmp/berth-it-dockerd2.sock";
    static final String HOST = "unix://" + SOCKET;

    private SecondEngine() {
    }

    static DockerRuntime start() throws Exception {
        String output = script("start");
        DockerRuntime runtime = DockerRuntime.connect(HOST);
        try {
            runtime.ping();
        } catch (RuntimeException e) {
            runtime.close();
            String why = "the second Docker engine did not start: " + output + e.getMessage();
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but " + why, e);
            Assumptions.abort(why);
        }
        return runtime;
    }

    static void stop() throws Exception {
        script("stop");
    }

    private static String script(String action) throws Exception {
        Path script = repoRoot().resolve("scripts/second-dockerd.sh");
        Process p = new ProcessBuilder(script.toString(), action, SOCKET).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/second-dockerd.sh"))) dir = dir.getParent();
        if (dir == null) throw new AssertionError("scripts/second-dockerd.sh not found above " + Path.of("").toAbsolutePath());
        return dir;
    }
}
