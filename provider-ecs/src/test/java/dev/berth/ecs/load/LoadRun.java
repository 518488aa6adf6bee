package dev.berth.ecs.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code clients} threads, each a client calling the server at {@code ratePerClient} calls a
 * second (0: as fast as answers come) for {@code duration}: Describe and List calls mixed with
 * RunTask and StopTask, which are sent beside the client's reads rather than in their line. A latency is measured from when the call was due, so a server that falls
 * behind is charged for the calls that waited. Beside them a sampler checks, every
 * {@link #SAMPLE_EVERY}, that no instance holds more than it registered. At the end every task
 * RunTask started is described (none may be missing, each RUNNING or, when the load stopped it,
 * STOPPED by the user) and then stopped.
 */
public final class LoadRun {
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    /** Clients of the yardstick ({@link FloorServer}), at the load's rate per client; reported as {@value #FLOOR}. */
    static final int FLOOR_CLIENTS = 5;
    static final String FLOOR = "(floor: an answer at once)";

    /**
     * {@code changesPerMille}: the share of calls that are RunTask, and again StopTask (5: one
     * call in 200 each). {@code warmup}: the load runs that long first with its latencies not
     * counted (a server that has just started still compiles its paths; a long-running one has
     * done so); its failed calls, lost tasks and over-commits count all the same.
     */
    public record Settings(int clients, Duration duration, double ratePerClient, int changesPerMille, long seed,
                           Duration warmup) {
        /** Without warm-up: every call counts. */
        public Settings(int clients, Duration duration, double ratePerClient, int changesPerMille, long seed) {
            this(clients, duration, ratePerClient, changesPerMille, seed, Duration.ZERO);
        }
    }

    /** What a run found: latencies by action, failed calls, lost tasks and over-commits (each one sentence). */
    public record Result(Map<String, Latencies.Summary> latencies, Map<String, Latencies.Summary> inServer,
                  Map<String, Latencies.Summary> late,
                  List<String> failures, List<String> lost,
                  List<String> overCommits, int samples, int started, int stopped, Map<String, Integer> unplaced,
                  double seconds) {
        public String report() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%.1f s counted; RunTask started %d tasks, StopTask stopped %d; not placed: %s%n", seconds,
                    started, stopped, unplaced));
            // Beside what the clients waited, the server's own share of it (its Server-Timing header)
            // and how late the driver sent the call after it was due (its own threads' wait): the
            // rest is the wait for the server's threads and the loopback.
            b.append("| action | calls | per s | p50 ms | p99 ms | max ms | in server p50 / p99 ms | sent late p50 / p99 ms |\n"
                    + "|---|---|---|---|---|---|---|---|\n");
            latencies.values().forEach(s -> b.append(s.row()).append(pair(inServer.get(s.action())))
                    .append(pair(late.get(s.action()))).append('\n'));
            b.append("failed calls: ").append(failures.size()).append(failures.isEmpty() ? "" : " " + failures.subList(0, Math.min(5, failures.size()))).append('\n');
            b.append("lost tasks: ").append(lost.size()).append(lost.isEmpty() ? "" : " " + lost.subList(0, Math.min(5, lost.size()))).append('\n');
            b.append("over-committed samples: ").append(overCommits.size()).append(" of ").append(samples)
                    .append(overCommits.isEmpty() ? "" : " " + overCommits.subList(0, Math.min(5, overCommits.size()))).append('\n');
            return b.toString();
        }

        private static String pair(Latencies.Summary s) {
            return s == null ? " - |" : String.format(" %.1f / %.1f |", s.p50(), s.p99());
        }
    }

    private final EcsWire wire;
    private final LoadWorld world;
    private final Settings settings;
    private final Latencies latencies = new Latencies();
    private final Latencies inServer = new Latencies();
    private final Latencies late = new Latencies();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> overCommits = new CopyOnWriteArrayList<>();
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Set<String> stoppedByLoad = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedDeque<String> live = new ConcurrentLinkedDeque<>();
    private final Map<String, Integer> unplaced = new ConcurrentHashMap<>();
    private final AtomicInteger samples = new AtomicInteger();
    private final Reservations reservations;
    private volatile boolean running = true;
    /** Where RunTask and StopTask calls are sent from, beside the clients' reads. */
    private final java.util.concurrent.ExecutorService changes = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "load-change");
        t.setDaemon(true);
        return t;
    });
    /** Calls due from then on have their latencies counted. */
    private volatile long counted;

    public LoadRun(EcsWire wire, LoadWorld world, Settings settings) {
        this.wire = wire;
        this.world = world;
        this.settings = settings;
        this.reservations = new Reservations(wire, world);
    }

    public Result run() throws InterruptedException, java.io.IOException {
        try (FloorServer floor = new FloorServer()) {
            return run(new EcsWire(floor.endpoint()));
        }
    }

    private Result run(EcsWire floorWire) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime() + settings.warmup().toNanos();
        counted = t0;
        long end = t0 + settings.duration().toNanos();
        for (int i = 0; i < settings.clients(); i++) {
            Random random = new Random(settings.seed() * 1000 + i);
            Thread t = new Thread(() -> client(random, end, due -> call(random, due)), "load-client-" + i);
            threads.add(t);
            t.start();
        }
        for (int i = 0; settings.ratePerClient() > 0 && i < FLOOR_CLIENTS; i++) {
            Random random = new Random(-1 - i);
            Thread t = new Thread(() -> client(random, end, due -> floor(floorWire, due)), "floor-client-" + i);
            threads.add(t);
            t.start();
        }
        Thread sampler = new Thread(this::sample, "load-sampler");
        sampler.start();
        for (Thread t : threads) t.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        changes.shutdown();
        changes.awaitTermination(30, java.util.concurrent.TimeUnit.MINUTES);
        running = false;
        sampler.join(); // ends after the check in hand: interrupting it would fail a call of its own
        List<String> lost = settle();
        return new Result(latencies.summaries(seconds), inServer.summaries(seconds), late.summaries(seconds),
                List.copyOf(failures), lost, List.copyOf(overCommits),
                samples.get(), started.size(), stoppedByLoad.size(), Map.copyOf(unplaced), seconds);
    }

    private void client(Random random, long end, java.util.function.LongConsumer callDue) {
        double interval = settings.ratePerClient() <= 0 ? 0 : 1e9 / settings.ratePerClient();
        long due = System.nanoTime() + (long) (random.nextDouble() * interval);
        while (true) {
            if (interval > 0) {
                long wait = due - System.nanoTime();
                if (wait > 0) sleepNanos(wait);
            } else {
                due = System.nanoTime();
            }
            if (due >= end) return;
            callDue.accept(due);
            due += (long) interval;
        }
    }

    /** One call to the yardstick, counted as the load's calls are. */
    private void floor(EcsWire floorWire, long due) {
        long sent = System.nanoTime();
        try {
            floorWire.call("ListClusters", EcsWire.body());
        } catch (EcsWire.CallFailed e) {
            failures.add("floor: " + e.getMessage());
        }
        if (due >= counted) {
            latencies.add(FLOOR, System.nanoTime() - due);
            late.add(FLOOR, sent - due);
        }
    }

    private void call(Random random, long due) {
        // Per mille. A change starts or stops a real container and changes run one at a time
        // (about one a second on a loaded 2-core machine), so they are a small share of the calls:
        // 1 RunTask and 1 StopTask a second at 50 clients x 4 calls a second.
        int pick = random.nextInt(1000);
        String action;
        ObjectNode body = EcsWire.body().put("cluster", world.cluster);
        String toStop = null;
        if (pick < 300) {
            action = "DescribeTasks";
            ArrayNode tasks = body.putArray("tasks");
            int n = 1 + random.nextInt(10);
            for (int i = 0; i < n; i++) tasks.add(anyTask(random));
        } else if (pick < 550) {
            action = "ListTasks";
            int kind = random.nextInt(4);
            if (kind == 1) body.put("desiredStatus", "STOPPED");
            if (kind == 2) body.put("serviceName", world.service);
            if (kind == 3) body.put("family", world.cluster + "-run");
        } else if (pick < 750) {
            action = "DescribeServices";
            body.putArray("services").add(world.service);
        } else if (pick < 1000 - 2 * settings.changesPerMille()) {
            action = "ListServices";
        } else if (pick < 1000 - settings.changesPerMille() || (toStop = live.pollFirst()) == null) {
            action = "RunTask";
            body.put("taskDefinition", random.nextInt(10) == 0 ? world.portDef : world.runDef)
                    .put("launchType", "EC2").put("startedBy", "load");
        } else {
            action = "StopTask";
            body.put("task", toStop).put("reason", "load test");
        }
        String stopping = toStop;
        if (action.equals("RunTask") || action.equals("StopTask")) {
            // Sent beside the client's reads, not before them: a change waits for its turn and
            // for the engine (seconds), and a client held by it would charge that wait to every
            // read it was due to make meanwhile, measuring the changes' queue instead of the reads.
            changes.execute(() -> send(action, body, stopping, due));
        } else {
            send(action, body, null, due);
        }
    }

    private void send(String action, ObjectNode body, String toStop, long due) {
        try {
            long sent = System.nanoTime();
            JsonNode answer = wire.call(action, body);
            if (due >= counted) {
                latencies.add(action, System.nanoTime() - due);
                late.add(action, sent - due);
                if (wire.serverNanos() >= 0) inServer.add(action, wire.serverNanos());
            }
            if (action.equals("RunTask")) {
                for (JsonNode t : answer.path("tasks")) {
                    started.add(t.path("taskArn").asText());
                    live.addLast(t.path("taskArn").asText());
                }
                for (JsonNode f : answer.path("failures")) unplaced.merge(f.path("reason").asText(), 1, Integer::sum);
            } else if (toStop != null) {
                stoppedByLoad.add(toStop);
            }
        } catch (EcsWire.CallFailed | IllegalStateException e) {
            if (due >= counted) latencies.add(action, System.nanoTime() - due);
            failures.add(e.getMessage());
            if (toStop != null) live.addLast(toStop);
        }
    }

    private String anyTask(Random random) {
        int seededCount = world.seeded.size();
        List<String> mine = new ArrayList<>(live);
        int i = random.nextInt(seededCount + Math.max(1, mine.size()));
        if (i < seededCount) return world.seeded.get(i);
        return mine.isEmpty() ? world.seeded.get(random.nextInt(seededCount)) : mine.get(i - seededCount);
    }

    private void sample() {
        while (running) {
            try {
                overCommits.addAll(reservations.check());
                samples.incrementAndGet();
                for (long slept = 0; running && slept < SAMPLE_EVERY.toMillis(); slept += 100) Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (EcsWire.CallFailed e) {
                failures.add("sampler: " + e.getMessage());
            }
        }
    }

    /** Describes every task the load started, then stops the ones still running: the lost ones, one sentence each. */
    private List<String> settle() {
        List<String> lost = new ArrayList<>();
        List<String> all = new ArrayList<>(started);
        Map<String, JsonNode> seen = world.describe(all);
        for (String arn : all) {
            JsonNode t = seen.get(arn);
            if (t == null) {
                lost.add(arn + " is not described");
                continue;
            }
            String last = t.path("lastStatus").asText();
            if (stoppedByLoad.contains(arn)) {
                if (!"STOPPED".equals(last) || !"UserInitiated".equals(t.path("stopCode").asText())) {
                    lost.add(arn + " was stopped by the load but is " + last + " (" + t.path("stopCode").asText() + ")");
                }
            } else if (!"RUNNING".equals(last)) {
                lost.add(arn + " should run but is " + last + " (" + t.path("stoppedReason").asText() + ")");
            }
        }
        for (String arn : live) {
            wire.call("StopTask", EcsWire.body().put("cluster", world.cluster).put("task", arn).put("reason", "load test ends"));
        }
        Map<String, JsonNode> after = world.describe(new ArrayList<>(live));
        after.forEach((arn, t) -> {
            if (!"STOPPED".equals(t.path("lastStatus").asText())) lost.add(arn + " did not stop at the end");
        });
        return lost;
    }

    /**
     * To the nanosecond the system gives, not Thread.sleep's: JDK 17 rounds its nanoseconds to a
     * whole millisecond, so every call was sent up to a millisecond after it was due, and that
     * counted in its latency (a median of 0.9 ms under the load).
     */
    private static void sleepNanos(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = until - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}
