package dev.berth.cli.view;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Terraform's heartbeat for long operations: while a resource is being created, modified,
 * destroyed or read, the listener hears every {@link #INTERVAL} how long it has taken, for the
 * human "Still creating... [10s elapsed]" line and the JSON {@code apply_progress} message. As
 * Terraform, the start and each tick are rounded to the second before they are subtracted. The
 * ticker and clock are injected so that a test fires ticks itself instead of waiting for them.
 */
public final class StillRunning {
    /** Terraform's {@code defaultPeriodicUiTimer}. */
    public static final Duration INTERVAL = Duration.ofSeconds(10);

    /** Runs a task every interval until the returned action cancels it. */
    public interface Ticker {
        Runnable every(Duration interval, Runnable task);
    }

    public interface Listener {
        void still(ResourceInstanceAddr addr, Action action, String id, Duration elapsed);
    }

    /** How often and by which clock; {@link #STANDARD} is Terraform's 10 s on the wall clock. */
    public record Timing(Duration interval, Ticker ticker, Clock clock) {
        public static final Timing STANDARD = new Timing(INTERVAL, DaemonTicker::every, Clock.systemDefaultZone());
    }

    private final Timing timing;
    private final Listener listener;
    private final Map<ResourceInstanceAddr, Runnable> running = new ConcurrentHashMap<>();

    public StillRunning(Timing timing, Listener listener) {
        this.timing = timing;
        this.listener = listener;
    }

    public void started(ResourceInstanceAddr addr, Action action, String id) {
        Instant start = roundToSecond(timing.clock().instant());
        Runnable cancel = timing.ticker().every(timing.interval(), () -> listener.still(addr, action, id,
                Duration.between(start, roundToSecond(timing.clock().instant()))));
        Runnable before = running.put(addr, cancel);
        if (before != null) before.run();
    }

    public void finished(ResourceInstanceAddr addr) {
        Runnable cancel = running.remove(addr);
        if (cancel != null) cancel.run();
    }

    /** Go's {@code time.Round(time.Second)}: half a second and more rounds up. */
    public static Instant roundToSecond(Instant t) {
        Instant down = t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return t.getNano() >= 500_000_000 ? down.plusSeconds(1) : down;
    }

    /** Go's {@code time.Duration} text for whole seconds: 0s, 10s, 1m0s, 1h2m3s. */
    public static String goDuration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + (s % 60) + "s";
        return (s / 3600) + "h" + (s % 3600 / 60) + "m" + (s % 60) + "s";
    }

    /**
     * One daemon thread, started by the first long operation, so short runs never start it. It
     * ends a second after the last operation is cancelled: the background berth runs apply after
     * apply in one JVM, and a ticker thread kept for good would be one each run leaves behind
     * (README, "The background berth"; the daemon's log counts threads after every command).
     */
    private static final class DaemonTicker {
        private static ScheduledThreadPoolExecutor executor;

        static synchronized Runnable every(Duration interval, Runnable task) {
            if (executor == null) {
                executor = new ScheduledThreadPoolExecutor(1, r -> {
                    Thread t = new Thread(r, "berth-still-running");
                    t.setDaemon(true);
                    return t;
                });
                // A cancelled tick leaves the queue at once, so an empty queue lets the thread go.
                executor.setRemoveOnCancelPolicy(true);
                executor.setKeepAliveTime(1, TimeUnit.SECONDS);
                executor.allowCoreThreadTimeOut(true);
            }
            long ms = interval.toMillis();
            ScheduledFuture<?> f = executor.scheduleWithFixedDelay(task, ms, ms, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }
    }
}
