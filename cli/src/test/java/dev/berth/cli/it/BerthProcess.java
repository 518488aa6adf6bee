package dev.berth.cli.it;

import dev.berth.cli.TestStores;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * berth as a user runs it: a separate JVM on the built jar, standard output and error merged
 * and collected line by line as they come, so a test can act on what it prints (send Ctrl-C,
 * stop the agent). {@link #close()} kills it if a test did not end it, so no process outlives
 * its test.
 */
final class BerthProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "berth.jar");
    /** The launcher users run: the JVM options and the build's AOT cache berth ships with (README). */
    static final Path LAUNCHER = Path.of("..", "bin", "berth");

    /**
     * berth ARGS in a JVM of its own, started as a user starts it: through {@code bin/berth}, which
     * picks the JVM's options and the build's AOT cache, with the background berth off so the
     * process started is the one that runs the command (a test may kill it or send it Ctrl-C).
     */
    static ProcessBuilder command(List<String> args) {
        if (!JAR.toFile().isFile()) throw new AssertionError("build the jar first: " + JAR.toAbsolutePath());
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toAbsolutePath().normalize().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("BERTH_DAEMON", "off");
        return pb;
    }

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private BerthProcess(Process process) {
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
        }, "berth-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** berth -chdir=DIR ARGS... */
    static BerthProcess start(Path dir, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-chdir=" + dir));
        all.addAll(List.of(args));
        return new BerthProcess(TestStores.in(command(all), dir).redirectErrorStream(true).start());
    }

    /** berth ARGS... (no -chdir) with {@code env} added to the environment it inherits. */
    static BerthProcess startWith(java.util.Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = command(List.of(args)).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new BerthProcess(pb.start());
    }

    /** Waits for a line matching {@code test}; fails with everything printed so far. */
    String await(Predicate<String> test, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String l : lines) if (test.test(l)) return l;
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0 || !process.isAlive() && lines.isEmpty()) {
                    throw new AssertionError("berth did not print the expected line; it printed:\n" + output());
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

    /** Sends a signal by name ("INT" is Ctrl-C), as the terminal or kill(1) would. */
    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) throw new AssertionError("kill -s " + name + " failed");
    }

    /** SIGTERM, as a service manager stops it; returns the exit code, or null if it did not end in time. */
    Integer terminate(Duration within) throws InterruptedException {
        process.destroy();
        return exitCode(within);
    }

    /** The exit code once the process ends, or null if it did not end in time. */
    Integer exitCode(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
