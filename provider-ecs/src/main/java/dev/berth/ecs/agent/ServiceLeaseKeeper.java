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
 * at each service it took. On a clean stop it lets go of them all, so the others take them over
 * at once.
 */
public final class ServiceLeaseKeeper implements AutoCloseable {
    /** BERTH_SERVICE_LEASE: how long a lease lasts unrenewed, in seconds (15 by default). */
    public static final String ENV = "BERTH_SERVICE_LEASE";

    private final Leases leases;
    private final String owner;
    private final Duration ttl;
    private final Consumer<String> takenOver;
    private final AgentLog log;
    private final Thread thread;
    private volatile boolean running = true;

    /** {@code takenOver} is told of each service whose lease this server took from another. */
    public ServiceLeaseKeeper(Leases leases, Duration ttl, Consumer<String> takenOver, AgentLog log) {
        this.leases = leases;
        this.ttl = ttl;
        this.takenOver = takenOver;
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
        long pause = Math.max(100, ttl.toMillis() / 3);
        while (running) {
            try {
                leases.renew(owner, ttl);
                for (String arn : leases.takeExpired(owner, ttl)) {
                    log.line("service " + arn.substring(arn.lastIndexOf('/') + 1) + ": taken over from a server that"
                            + " stopped renewing its lease");
                    takenOver.accept(arn);
                }
            } catch (RuntimeException e) {
                log.line("cannot renew service leases: " + e.getMessage());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
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
