package dev.berth.ecs.agent;

import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerEvent;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.LogRoute;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.EcsStore;
import dev.berth.engine.state.LockInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * berth's container agent and service scheduler between applies. Followers turn each engine's
 * event stream into task states at once (no polling for deaths); one loop thread then repairs
 * the affected services through {@link Repairs}, one pass at a time, with per-service
 * backoff. A resync of every service runs at start, after an engine goes away or comes back, and
 * every {@code resyncEvery} as a safety net for anything the streams missed.
 */
public final class Agent {
    private static final Duration LOCK_RETRY = Duration.ofSeconds(1);

    private final Table<TaskRow> taskRows;
    private final Table<InstanceRow> instances;
    private final Function<String, ContainerRuntime> runtimes;
    private final Repairs repairer;
    private final AgentLog log;
    private final Duration resyncEvery;
    private final InPlaceRestarts restarts;

    private final Map<String, EngineFollower> followers = new LinkedHashMap<>();
    /** Services to repair, each with the earliest moment it may be tried (backoff). */
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final Map<String, Backoff> backoffs = new HashMap<>();
    private final AtomicBoolean resyncRequested = new AtomicBoolean(true);
    private final Semaphore wake = new Semaphore(0);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;
    private LockInfo lastHolder;

    public Agent(EcsStore ecsStore, Function<String, ContainerRuntime> runtimes, Repairs repairer,
                 AgentLog log, Duration resyncEvery) {
        this(ecsStore, runtimes, repairer, log, resyncEvery, java.time.Clock.systemUTC());
    }

    /** {@code clock} judges restart policies' periods (a test stands after them with it). */
    public Agent(EcsStore ecsStore, Function<String, ContainerRuntime> runtimes, Repairs repairer,
                 AgentLog log, Duration resyncEvery, java.time.Clock clock) {
        this.taskRows = new Table<>(ecsStore, TaskRow.TABLE, TaskRow.class);
        this.instances = new Table<>(ecsStore, InstanceRow.TABLE, InstanceRow.class);
        this.runtimes = runtimes;
        this.repairer = repairer;
        this.log = log;
        this.resyncEvery = resyncEvery;
        this.restarts = new InPlaceRestarts(ecsStore, taskRows, clock, log);
    }

    /** Runs until {@link #stop()}; the current pass always finishes first. */
    public void run() {
        try {
            log.line("agent started; following " + String.join(", ", ensureFollowers()));
            Instant nextResync = Instant.now();
            while (running) {
                Instant now = Instant.now();
                boolean resync = resyncRequested.get() || !now.isBefore(nextResync);
                Set<String> due = new TreeSet<>();
                Map<String, Instant> dueAt = new HashMap<>();
                pending.forEach((arn, at) -> {
                    if (!at.isAfter(now)) {
                        due.add(arn);
                        dueAt.put(arn, at);
                    }
                });
                if (!resync && due.isEmpty()) {
                    awaitWake(untilNext(nextResync));
                    continue;
                }
                if (resync) {
                    resyncRequested.set(false);
                    ensureFollowers();
                }
                Repairs.Result r = repairer.pass(resync ? null : due);
                if (r.locked()) {
                    waitForLock(r.lockedBy(), resync, due);
                    continue;
                }
                lastHolder = null;
                if (resync) nextResync = Instant.now().plus(resyncEvery);
                // A service asked for again during the pass stays due.
                dueAt.forEach(pending::remove);
                r.services().forEach(this::report);
            }
        } finally {
            followers.values().forEach(EngineFollower::stop);
            log.line("agent stopped");
            finished.countDown();
        }
    }

    /**
     * Asks the loop to bring a service to what it should run as soon as it can: a deployment a
     * call recorded and left to run behind it ({@code berth server}).
     */
    public void request(String serviceArn) {
        pending.put(serviceArn, Instant.now());
        wake.release();
    }

    /** Asks the loop to stop after its current pass and waits up to {@code wait} for it. */
    public boolean stop(Duration wait) {
        running = false;
        wake.release();
        try {
            return finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void report(Repairs.ServiceOutcome o) {
        String service = o.serviceArn().substring(o.serviceArn().lastIndexOf('/') + 1);
        Backoff b = backoffs.computeIfAbsent(o.serviceArn(), k -> Backoff.standard());
        if (o.failure() != null) {
            Duration d = b.failed();
            pending.put(o.serviceArn(), Instant.now().plus(d));
            log.line("service " + service + ": replacement failed (" + o.failure() + "); retrying in " + d.toSeconds()
                    + " s");
            return;
        }
        b.succeeded();
        Set<String> started = new TreeSet<>(o.runningAfter());
        o.runningBefore().forEach(started::remove);
        Set<String> stopped = new TreeSet<>(o.runningBefore());
        o.runningAfter().forEach(stopped::remove);
        for (String arn : stopped) log.line("task " + arn + " replaced");
        for (String arn : started) log.line("task " + arn + " RUNNING (service " + service + ")");
        log.line("service " + service + ": " + o.runningAfter().size() + " tasks running; state saved");
    }

    private void waitForLock(LockInfo holder, boolean resync, Set<String> due) {
        if (lastHolder == null || !lastHolder.id().equals(holder.id())) {
            log.line("state is locked by " + holder.who() + " (" + holder.operation() + "); waiting for it");
        }
        lastHolder = holder;
        if (resync) resyncRequested.set(true);
        awaitWake(LOCK_RETRY);
    }

    private Duration untilNext(Instant nextResync) {
        Instant next = nextResync;
        for (Instant at : pending.values()) if (at.isBefore(next)) next = at;
        Duration d = Duration.between(Instant.now(), next);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void awaitWake(Duration d) {
        try {
            if (wake.tryAcquire(Math.max(1, d.toMillis()), TimeUnit.MILLISECONDS)) wake.drainPermits();
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /** Follows the local engine and every container instance's; returns their endpoints. */
    private Set<String> ensureFollowers() {
        Set<String> hosts = new java.util.LinkedHashSet<>();
        hosts.add(null);
        instances.all().forEach(i -> hosts.add(i.dockerHost()));
        for (String h : hosts) {
            ContainerRuntime rt = runtimes.apply(h);
            if (!running || followers.containsKey(rt.endpoint())) continue;
            EngineFollower f = new EngineFollower(rt, listener);
            followers.put(rt.endpoint(), f);
            f.start();
        }
        return followers.keySet();
    }

    private final EngineFollower.Listener listener = new EngineFollower.Listener() {
        @Override
        public void event(ContainerRuntime engine, ContainerEvent e) {
            String taskArn = e.attributes().get(EcsLabels.TASK_ARN);
            if (taskArn == null) return;
            // A kept container that died has written all it will: keep it now, whatever happens to it next.
            if ("die".equals(e.action()) && e.attributes().containsKey(LogRoute.GROUP_LABEL)) {
                engine.keepOutput(e.containerId(), e.attributes());
            }
            TaskRow row = taskRows.get(taskArn).orElse(null);
            // ECS's agent restarts a container in place before anything judges its task.
            if (restarts.restart(engine, e, row)) return;
            // A one-off task's end is the control plane's to record (TaskObserver: exit codes, cleanup).
            if (row == null || row.serviceArn() == null) return;
            Verdict v = TaskEvents.judge(e, row);
            if (!v.stops()) return;
            taskRows.put(taskArn, ended(engine, e, row).stopped(Instant.now().toString(), v.stopCode(),
                    v.stoppedReason()));
            log.line("task " + taskArn + " STOPPED (" + v.stopCode() + ": " + v.stoppedReason()
                    + "); starting a replacement");
            pending.putIfAbsent(row.serviceArn(), Instant.now());
            wake.release();
        }

        /** The row with how the dead container ended; Docker's die event does not say whether memory killed it. */
        private TaskRow ended(ContainerRuntime engine, ContainerEvent e, TaskRow row) {
            String name = e.attributes().get(EcsLabels.CONTAINER_NAME);
            if (!"die".equals(e.action()) || name == null) return row;
            TaskRow.Exit exit = new TaskRow.Exit(e.exitCode(), null);
            try {
                exit = engine.inspect(e.containerId()).map(c -> new TaskRow.Exit(
                        c.exitCode() != null ? c.exitCode() : e.exitCode(), c.exitReason())).orElse(exit);
            } catch (dev.berth.ecs.runtime.RuntimeFailure unreadable) {
                // The exit code of the event is all there is.
            }
            return row.withExits(java.util.Map.of(name, exit));
        }

        @Override
        public void engineDown(ContainerRuntime engine, String why) {
            log.line("engine " + engine.endpoint() + " stopped answering (" + why + "); moving its tasks");
            resyncRequested.set(true);
            wake.release();
        }

        @Override
        public void engineUp(ContainerRuntime engine) {
            log.line("engine " + engine.endpoint() + " answers again; resyncing");
            resyncRequested.set(true);
            wake.release();
        }
    };
}
