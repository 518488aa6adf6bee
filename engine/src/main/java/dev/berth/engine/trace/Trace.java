package dev.berth.engine.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Where a whole run's time goes, for benchmarks: when {@code BERTH_TRACE} names a file, each
 * {@link #mark} appends one line with the milliseconds since the process started, the thread and
 * what just happened (bench/README.md reads them). Without the variable a mark is one branch on
 * a constant, so the marks stay in the code that ships.
 */
public final class Trace {
    public static final String ENV = "BERTH_TRACE";
    private static final Writer OUT = open(System.getenv(ENV));
    /** Epoch nanoseconds of the process start, and the nanoTime that matches the first mark's clock. */
    private static final long START_EPOCH_NANOS, ANCHOR_NANO_TIME, ANCHOR_EPOCH_NANOS;

    static {
        Instant now = Instant.now();
        ANCHOR_NANO_TIME = System.nanoTime();
        ANCHOR_EPOCH_NANOS = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long age = OUT == null ? -1 : ageNanos();
        Instant started = OUT == null || age >= 0 ? null : ProcessHandle.current().info().startInstant().orElse(null);
        START_EPOCH_NANOS = age >= 0 ? ANCHOR_EPOCH_NANOS - age
                : started == null ? ANCHOR_EPOCH_NANOS : started.getEpochSecond() * 1_000_000_000L + started.getNano();
    }

    /**
     * How long this process has run, from Linux's own counts (its start in clock ticks since boot,
     * and the uptime), to 10 ms; -1 elsewhere. Not {@code ProcessHandle}'s start instant: that adds
     * the boot time, which Linux gives in whole seconds, so every mark was off by up to a second.
     */
    private static long ageNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which may hold spaces and parentheses itself.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(f[19]);
            String uptime = Files.readString(Path.of("/proc/uptime")).trim().split(" ")[0];
            int dot = uptime.indexOf('.');
            long upNanos = Long.parseLong(uptime.substring(0, dot)) * 1_000_000_000L
                    + Long.parseLong((uptime.substring(dot + 1) + "000000000").substring(0, 9));
            return Math.max(0, upNanos - startTicks * 10_000_000L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private Trace() {
    }

    /** Whether marks are written: callers that must compute what they mark can skip the work. */
    public static boolean on() {
        return OUT != null;
    }

    /** Appends "MILLIS THREAD WHAT"; measuring never fails a run. */
    public static void mark(String what) {
        if (OUT == null) return;
        long epoch = ANCHOR_EPOCH_NANOS + (System.nanoTime() - ANCHOR_NANO_TIME);
        String line = String.format("%9.1f %-24s %s%n", (epoch - START_EPOCH_NANOS) / 1e6,
                Thread.currentThread().getName(), what);
        synchronized (OUT) {
            try {
                OUT.write(line);
                OUT.flush();
            } catch (IOException e) {
                // a full disk or a closed file ends the trace, not the run
            }
        }
    }

    /** {@link #mark} with a subject, built only when tracing. */
    public static void mark(String what, Object subject) {
        if (OUT != null) mark(what + " " + subject);
    }

    private static Writer open(String file) {
        if (file == null || file.isBlank()) return null;
        try {
            return Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return null;
        }
    }
}
