package dev.berth.ecs.load;

import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.StoreLocation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The load test of {@code berth server} as one command (bench/run-load.sh runs it against a
 * server it started): builds the world, seeds it to {@code --tasks} tasks, runs the load and
 * prints the report; exits 1 when a call failed, a task was lost or an instance over-committed.
 *
 * <p>Options (name=value): endpoint, store (the server's store, a file or postgres:// URL, for
 * the stopped tasks' rows), clients (50), seconds (60), rate (calls a second per client, 4; 0:
 * as fast as answers come), instances (4), cpu (512 per instance), memory (1536 per instance),
 * running (200 idle one-off tasks), service (4 tasks), tasks (10000 in all), changes (per mille of calls
 * that are RunTask, and again StopTask: 5), name.
 */
public final class LoadMain {
    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) throw new IllegalArgumentException("options are --name=value; got " + a);
            o.put(a.substring(2, eq), a.substring(eq + 1));
        }
        EcsWire wire = new EcsWire(o.getOrDefault("endpoint", "http://127.0.0.1:4566"));
        String name = o.getOrDefault("name", "load-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36));
        int running = Integer.parseInt(o.getOrDefault("running", "200"));
        int serviceTasks = Integer.parseInt(o.getOrDefault("service", "4"));
        int tasks = Integer.parseInt(o.getOrDefault("tasks", "10000"));
        long t0 = System.nanoTime();
        LoadWorld world = LoadWorld.create(wire, name, Integer.parseInt(o.getOrDefault("instances", "4")),
                Integer.parseInt(o.getOrDefault("cpu", "512")), Integer.parseInt(o.getOrDefault("memory", "1536")),
                serviceTasks, running);
        int exit = 1;
        try {
            String store = o.get("store");
            int stopped = tasks - running - serviceTasks;
            if (store != null && stopped > 0) {
                StoreLocation.Where where = store.startsWith("postgres") ? StoreLocation.where(java.util.Optional.of(store),
                        Path.of("."), Map.of()) : StoreLocation.Where.of(Path.of(store));
                try (OpenEcsStore s = where.open()) {
                    world.seedStopped(s, stopped);
                }
            }
            System.out.printf("world %s: %d tasks seeded (%d running) in %.1f s%n", name, world.seeded.size() + serviceTasks,
                    running + serviceTasks, (System.nanoTime() - t0) / 1e9);
            System.out.flush();
            LoadRun.Result r = new LoadRun(wire, world, new LoadRun.Settings(
                    Integer.parseInt(o.getOrDefault("clients", "50")),
                    Duration.ofMillis((long) (Double.parseDouble(o.getOrDefault("seconds", "60")) * 1000)),
                    Double.parseDouble(o.getOrDefault("rate", "4")),
                    Integer.parseInt(o.getOrDefault("changes", "5")), 42,
                    Duration.ofMillis((long) (Double.parseDouble(o.getOrDefault("warmup", "0")) * 1000)))).run();
            System.out.print(r.report());
            System.out.flush();
            exit = r.failures().isEmpty() && r.lost().isEmpty() && r.overCommits().isEmpty() ? 0 : 1;
        } finally {
            world.destroy();
        }
        System.exit(exit);
    }
}
