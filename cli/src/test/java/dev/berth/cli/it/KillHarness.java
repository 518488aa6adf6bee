package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.ecs.runtime.docker.DockerRuntime;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Kills {@code berth apply} and {@code berth destroy} with SIGKILL at random moments and checks
 * that nothing is stranded: after each kill the state opens, the next apply converges with no
 * manual step (no force-unlock), the plan after it is empty, and destroy leaves no container,
 * network or provider row of the trial's cluster. Each trial has its own directory, state file
 * and cluster; everything is drawn from one seed, printed so a failure can be replayed.
 *
 * <p>The killed run is the real jar in its own JVM, started through bin/berth; the runs after it
 * go through the same command line in this JVM (another process, as the next run of a user would be).
 */
final class KillHarness {
    enum Op { APPLY, UPDATE, DESTROY }

    record Trial(int n, Op op, long killAfterMillis, boolean killed, boolean tookOver, List<String> adopted,
                 String failure, long millis) {
        @Override
        public String toString() {
            return "trial " + n + " " + op.name().toLowerCase() + " kill@" + killAfterMillis + "ms "
                    + (killed ? "killed" : "finished first") + (tookOver ? ", lock taken over" : "")
                    + (adopted.isEmpty() ? "" : ", adopted " + adopted) + " -> "
                    + (failure == null ? "ok" : "FAILED: " + failure) + " (" + millis / 1000.0 + " s)";
        }
    }

    private final DockerRuntime docker;
    private final Path root;
    private final PrintStream log;

    KillHarness(DockerRuntime docker, Path root, PrintStream log) {
        this.docker = docker;
        this.root = root;
        this.log = log;
    }

    /**
     * Runs the trials, {@code parallel} at a time (each has its own cluster, so they do not meet);
     * every trial's operation and kill moment are drawn from the seed before any runs.
     */
    List<Trial> run(int trials, long seed, int parallel) throws Exception {
        if (!Files.isRegularFile(BerthProcess.JAR)) {
            throw new AssertionError("build the jar first: " + BerthProcess.JAR.toAbsolutePath());
        }
        log.println("kill harness: " + trials + " trials, seed " + seed + " (-Dkill.seed=" + seed + " replays them)");
        Random random = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Trial>> futures = new ArrayList<>();
            for (int i = 1; i <= trials; i++) {
                int n = i;
                Op op = Op.values()[random.nextInt(Op.values().length)];
                // Past JVM start (about 0.5 s) into planning, creates, task starts and stops.
                long killAfter = 300 + random.nextInt(op == Op.DESTROY ? 3500 : 5500);
                futures.add(pool.submit(() -> {
                    Trial t = trial(n, op, killAfter);
                    synchronized (log) {
                        log.println(t);
                    }
                    return t;
                }));
            }
            List<Trial> out = new ArrayList<>();
            for (Future<Trial> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Trial trial(int n, Op op, long killAfter) throws Exception {
        long start = System.nanoTime();
        String cluster = "kh-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createDirectories(root.resolve(cluster));
        Files.writeString(dir.resolve("main.hcl"), config(cluster));
        boolean killed = false, tookOver = false;
        List<String> adopted = new ArrayList<>();
        String failure = null;
        try {
            String finalTag = op == Op.UPDATE ? "b" : "a";
            if (op != Op.APPLY) must(CliRun.in(dir, "apply", "-auto-approve", "-var", "tag=a"), "set-up apply");
            String[] killedArgs = switch (op) {
                case APPLY -> new String[]{"apply", "-auto-approve", "-var", "tag=a"};
                case UPDATE -> new String[]{"apply", "-auto-approve", "-var", "tag=b"};
                case DESTROY -> new String[]{"destroy", "-auto-approve"};
            };
            killed = runAndKill(dir, killAfter, killedArgs);

            try (var store = TestStores.openState(dir)) {
                store.read();
            }
            CliRun apply = CliRun.in(dir, "apply", "-auto-approve", "-var", "tag=" + finalTag);
            must(apply, "apply after the kill");
            tookOver = apply.err().contains("Took over the run lock");
            for (String line : apply.err().split("\n")) {
                if (line.startsWith("Adopted ")) adopted.add(line.substring(8, line.indexOf(' ', 8)).replace(",", ""));
            }
            CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode", "-var", "tag=" + finalTag);
            if (plan.exitCode() != 0) throw new AssertionError("the plan after it is not empty: " + plan);
            must(CliRun.in(dir, "destroy", "-auto-approve", "-var", "tag=" + finalTag), "destroy");
            String left = leftovers(dir, cluster);
            if (!left.isEmpty()) throw new AssertionError("destroy left " + left);
        } catch (AssertionError | Exception e) {
            // Any failure is this trial's; the others still run, and the seed replays them all.
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        if (failure != null) {
            // The trial's own failure is what the run reports; a clean-up that fails too is added to it.
            try {
                DockerEngine.cleanUp(docker, cluster);
            } catch (RuntimeException e) {
                failure += "; cleaning up after it failed too: " + e.getMessage();
            }
        }
        return new Trial(n, op, killAfter, killed, tookOver, adopted, failure,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Starts berth in its own JVM and SIGKILLs it after {@code millis}; false when it ended first. */
    private static boolean runAndKill(Path dir, long millis, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("-chdir=" + dir));
        cmd.addAll(List.of(args));
        cmd.add("-no-color");
        Process p = TestStores.in(BerthProcess.command(cmd), dir).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed-run.log").toFile()).start();
        if (p.waitFor(millis, TimeUnit.MILLISECONDS)) return false;
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        p.waitFor();
        return true;
    }

    private static void must(CliRun r, String what) {
        if (r.exitCode() != 0) throw new AssertionError(what + " failed: " + r);
    }

    /**
     * What ECS itself keeps describable as INACTIVE after a delete (for an hour; deregistered task
     * definition revisions for good): a row of one of these tables whose own status is INACTIVE
     * is kept on purpose. Anything else naming the cluster after destroy is left over.
     */
    private static String inactiveKept() {
        return String.join(" OR ",
                "(tbl = 'task_definitions' AND " + TestStores.jsonText("json", "status") + " = 'INACTIVE')",
                "(tbl = 'service_records' AND " + TestStores.jsonText("json", "status") + " = 'INACTIVE')",
                "(tbl = 'inactive_clusters' AND " + TestStores.jsonText("json", "cluster", "status") + " = 'INACTIVE')",
                "(tbl = 'inactive_container_instances' AND " + TestStores.jsonText("json", "instance", "status")
                        + " = 'INACTIVE')");
    }

    /** Containers, the network, control plane rows of the cluster and state rows that outlived destroy. */
    private String leftovers(Path dir, String cluster) throws Exception {
        List<String> left = new ArrayList<>();
        int containers = DockerEngine.containersOf(docker, cluster).size();
        if (containers > 0) left.add(containers + " containers");
        if (docker.networkExists("berth-" + cluster)) left.add("network berth-" + cluster);
        try (Connection w = TestStores.sql(dir, true);
             Statement ws = w.createStatement();
             ResultSet rs = ws.executeQuery("SELECT tbl, key FROM rows WHERE (key LIKE '%" + cluster
                    + "%' OR json LIKE '%" + cluster + "%') AND NOT (" + inactiveKept() + ")")) {
            while (rs.next()) left.add("row " + rs.getString(1) + "/" + rs.getString(2));
        }
        try (Connection c = TestStores.sql(dir, false);
             Statement s = c.createStatement()) {
            // A state file of a berth without create intents has no such table: count none there.
            // Every PostgreSQL schema berth makes has one.
            boolean intents = TestStores.postgres();
            if (!intents) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'create_intents'")) {
                    intents = rs.next() && rs.getInt(1) > 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM resources), "
                    + (intents ? "(SELECT count(*) FROM create_intents)" : "0") + ", (SELECT count(*) FROM run_lock)")) {
                rs.next();
                if (rs.getInt(1) + rs.getInt(2) + rs.getInt(3) > 0) {
                    left.add("state rows: " + rs.getInt(1) + " resources, " + rs.getInt(2) + " intents, "
                            + rs.getInt(3) + " locks");
                }
            }
        }
        return String.join(", ", left);
    }

    /**
     * A cluster, a task definition whose containers stop at once on SIGTERM, and a 6-task service.
     * Its rolling update runs 12 quarter-vCPU tasks at once, more than the default Fargate quota
     * of a 2-CPU machine, so the quota is raised: the harness tests kills, not capacity.
     */
    static String config(String cluster) {
        return """
                provider "ecs" {
                  fargate_vcpu_quota = 16
                }

                variable "tag" {
                  type    = string
                  default = "a"
                }

                resource "ecs_cluster" "main" {
                  name = "%1$s"
                }

                resource "ecs_task_definition" "app" {
                  family                   = "%1$s-app"
                  cpu                      = 256
                  memory                   = 512
                  requires_compatibilities = ["FARGATE"]
                  container_definitions = jsonencode([{
                    name        = "app"
                    image       = "berth-example/busybox:latest"
                    memory      = 16
                    essential   = true
                    entryPoint  = ["/bin/sh", "-c"]
                    # A trap makes the shell (PID 1) exit on SIGTERM at once instead of at the stop timeout.
                    command     = ["trap 'exit 0' TERM; while :; do sleep 1 & wait $!; done"]
                    environment = [{ name = "TAG", value = var.tag }]
                  }])
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 6
                }
                """.formatted(cluster);
    }
}
