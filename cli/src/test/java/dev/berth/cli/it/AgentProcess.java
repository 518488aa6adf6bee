package dev.berth.cli.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * `berth agent` as a user runs it: a separate JVM on the built jar, its lines collected as they
 * come. {@link #close()} kills it if a test did not stop it, so no agent outlives its test.
 */
final class AgentProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "berth.jar");

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private AgentProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (java.io.IOException ended) {
                // The process is gone; what it printed is kept.
            }
        }, "agent-output");
        reader.setDaemon(true);
        reader.start();
    }

    static AgentProcess start(Path dir, String... extra) throws Exception {
        if (!JAR.toFile().isFile()) throw new AssertionError("build the jar first: " + JAR.toAbsolutePath());
        List<String> cmd = new ArrayList<>(List.of("java", "-XX:+UseSerialGC", "-jar", JAR.toString(),
                "-chdir=" + dir, "agent", "-no-color"));
        cmd.addAll(List.of(extra));
        AgentProcess p = new AgentProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        p.await(l -> l.contains("agent started"), Duration.ofSeconds(20));
        return p;
    }

    /** Waits for a line matching {@code test}; fails with everything printed so far. */
    String await(Predicate<String> test, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String l : lines) if (test.test(l)) return l;
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0 || !process.isAlive() && lines.isEmpty()) {
                    throw new AssertionError("the agent did not print the expected line; it printed:\n" + output());
                }
                lines.wait(Math.min(left, 200));
            }
        }
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** SIGTERM, as a service manager stops it; returns the exit code, or null if it did not end in time. */
    Integer terminate(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
