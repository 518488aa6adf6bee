package dev.berth.ecs.agent;

import dev.berth.ecs.store.Leases;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How several {@code berth server}s on one control plane split its services: a service is kept
 * (rolled out, repaired) only by the server holding its lease. A server claims a service's lease
 * the first time it would repair it; this keeper renews the leases it holds every third of their
 * time and takes over any lease whose holder died or stopped renewing, asking its loop to look
 * at each service it took. It also reads the {@link ServiceSignals} of calls that other servers
 * took, every {@value #SIGNAL_POLL_MILLIS} ms, and asks its loop to look at each service they name
 * (the loop acts on those it keeps), so a call sent to any server is rolled out at once. On a
 * clean stop it lets go of them all, so the others take them over at once.
 */
public final class ServiceLeaseKeeper implements AutoCloseable {
    /** BERTH_SERVICE_LEASE: how long a lease lasts unrenewed, in seconds (15 by default). */
    public static final String ENV = "BERTH_SERVICE_LEASE";
    static final long SIGNAL_POLL_MILLIS = 250;

    private final Leases leases;
    private final ServiceSignals signals;
    private final String owner;
    private final Duration ttl;
    private final Consumer<String> lookAt;
    private final AgentLog log;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * {@code lookAt} is told of each service whose lease this server took from another, and of
     * each service another server's call signalled.
     */
    public ServiceLeaseKeeper(Leases leases, ServiceSignals signals, Duration ttl, Consumer<String> lookAt,
                              AgentLog log) {
        this.leases = leases;
        this.signals = signals;
        this.ttl = ttl;
        this.lookAt = lookAt;
        this.log = log;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.thread = new Thread(this::run, "berth-service-leases");
        thread.setDaemon(true);
    }

    /** The lease time BERTH_SERVICE_LEASE asks for. */
    public static Duration ttl(Map<String, String> env) {
        String s = env.get(ENV);
        try {
            if (s != null && !s.isBlank()) return Duration.ofMillis((long) (Double.parseDouble(s.trim()) * 1000));
        } catch (NumberFormatException e) {
            // Falls through to the default; the lease time is a tuning knob, not a promise.
        }
        return Duration.ofSeconds(15);
    }

    public String owner() {
        return owner;
    }

    public ServiceLeaseKeeper start() {
        thread.start();
        return this;
    }

    /** Whether this server keeps {@code serviceArn} now: it holds the lease or just took a free one. */
    public boolean keeps(String serviceArn) {
        try {
            return leases.claim(serviceArn, owner, ttl);
        } catch (RuntimeException e) {
            return false; // the database is away: nobody can tell who keeps it, so do not touch it
        }
    }

    private void run() {
        long renewEvery = Math.max(100, ttl.toMillis() / 3);
        long nextRenew = 0;
        while (running) {
            if (System.currentTimeMillis() >= nextRenew) {
                renewAndTakeOver();
                nextRenew = System.currentTimeMillis() + renewEvery;
            }
            try {
                signals.changed().forEach(lookAt);
            } catch (RuntimeException e) {
                // The database is away: the renewal says so; the loop's resync finds what was missed.
            }
            try {
                Thread.sleep(Math.min(SIGNAL_POLL_MILLIS, renewEvery));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void renewAndTakeOver() {
        try {
            leases.renew(owner, ttl);
            for (String arn : leases.takeExpired(owner, ttl)) {
                log.line("service " + arn.substring(arn.lastIndexOf('/') + 1) + ": taken over from a server that"
                        + " stopped renewing its lease");
                lookAt.accept(arn);
            }
        } catch (RuntimeException e) {
            log.line("cannot renew service leases: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
            leases.release(owner);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The leases expire by themselves.
        }
    }
}
