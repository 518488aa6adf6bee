package dev.berth.cli.it;

import dev.berth.ecs.runtime.docker.DockerRuntime;
import dev.berth.engine.state.LockInfo;
import dev.berth.state.SqliteStateStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * apply and destroy through the background berth on the real engine: through bin/berth with the
 * daemon on they print what a JVM of their own prints and leave the same state; the approval
 * prompt is answered through the client; Ctrl-C (SIGTERM here, which berth treats the same and a
 * test's child never has ignored) ends them as in a JVM of their own, the second one ending the
 * daemon with them; a client killed mid-apply takes the daemon along and the next apply
 * recovers; and an apply leaves no thread, open file or Ctrl-C handler behind in the daemon. Every container,
 * network, state file and berth a test starts is removed after it, even when it fails.
 *
 * <p>Its berths get an environment made from nothing, with the control plane and the state in
 * SQLite files of their own, so the PostgreSQL pass would run the very same thing again: tagged
 * {@code sqlite-only}, that pass leaves it out (parent pom.xml, profile it-postgres).
 */
@Tag("sqlite-only")
class ApplyThroughDaemonIT {
    @TempDir
    static Path work;
    private static Path berth;
    private static Path runtime;
    private static Map<String, String> base;

    private DockerRuntime docker;
    private String cluster;
    private Path dir;


    @BeforeAll
    static void install() throws Exception {
        berth = BackgroundBerths.bin();
        base = BackgroundBerths.environment(work);
        runtime = Path.of(base.get("XDG_RUNTIME_DIR"));
    }

    @BeforeEach
    void claimCluster() throws IOException {
        docker = DockerEngine.require();
        cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
        dir = Files.createDirectories(work.resolve(cluster));
    }

    @AfterEach
    void removeEverything() throws Exception {
        try {
            // Each test's control plane and state are its own (BERTH_ECS_STORE below): destroyed in a JVM of its own.
            run(env(cluster), false, "destroy", "-auto-approve", "-no-color", "-lock-timeout=30s");
        } finally {
            DockerEngine.cleanUp(docker, cluster);
            docker.close();
            stopEveryBerth();
        }
    }

    @AfterAll
    static void stopBerths() throws Exception {
        stopEveryBerth();
    }

    @Test
    void applyAndDestroyPrintTheSameAndLeaveTheSameStateAsInAJvmOfTheirOwn() throws Exception {
        writeConfig(2);
        Map<String, List<FiledProcess.Ended>> byRoute = new HashMap<>();
        Map<String, List<String>> states = new HashMap<>();
        String residueBefore = null;
        String residueAfter = null;
        for (boolean daemon : new boolean[]{false, true}) {
            // The same directory and a control plane of each route's own, so names and revisions match.
            String store = cluster + (daemon ? "-on" : "-off");
            Map<String, String> env = env(store);
            Files.deleteIfExists(dir.resolve("berth.db"));
            Files.deleteIfExists(dir.resolve("tfplan"));
            int served = 0;
            if (daemon) {
                awaitDaemon(env);
                residueBefore = lastResidue();
                served = servedCount();
            }
            List<FiledProcess.Ended> outs = new ArrayList<>();
            outs.add(run(env, daemon, "plan", "-no-color", "-out=tfplan"));
            outs.add(run(env, daemon, "apply", "-no-color", "tfplan"));
            List<String> state = new ArrayList<>(run(env, false, "state", "list").out().lines().toList());
            state.add("containers " + DockerEngine.containersOf(docker, cluster).size());
            writeConfig(1);
            outs.add(run(env, daemon, "apply", "-auto-approve", "-no-color"));
            state.add("containers after scaling down " + DockerEngine.containersOf(docker, cluster).size());
            outs.add(run(env, daemon, "destroy", "-auto-approve", "-no-color"));
            state.addAll(run(env, false, "state", "list").out().lines().toList());
            state.add("containers after destroy " + DockerEngine.containersOf(docker, cluster).size());
            writeConfig(2);
            if (daemon) {
                assertEquals(served + 4, servedCount(), "the plan, both applies and the destroy were served by the background berth");
                // A second later (the heartbeat's thread ends a second after its last tick is cancelled).
                Thread.sleep(2500);
                run(env, true, "version");
                residueAfter = lastResidue();
                // The process reaper is left out of the threads below, so nothing the apply started may still run.
                assertEquals(List.of(), daemonChildren(), "no process an apply started outlives it in the background berth");
            }
            byRoute.put(daemon ? "on" : "off", outs.stream().map(ApplyThroughDaemonIT::normalised).toList());
            states.put(daemon ? "on" : "off", state);
            for (FiledProcess.Ended o : outs) assertEquals(0, o.code(), o::toString);
        }
        assertEquals(byRoute.get("off"), byRoute.get("on"));
        assertEquals(states.get("off"), states.get("on"));
        assertTrue(states.get("on").contains("containers 2"), states::toString);
        assertEquals(withoutJvmPools(residueBefore), withoutJvmPools(residueAfter),
                "the daemon's threads and open files after apply and destroy are those before");
    }

    @Test
    void anInteractiveApplyAnsweredNoThroughTheClient() throws Exception {
        writeConfig(1);
        Map<String, String> env = env(cluster);
        Path no = Files.writeString(work.resolve(cluster + ".no"), "no\n");
        FiledProcess.Ended plain = start(env, false, no, "apply", "-no-color").finish();
        awaitDaemon(env);
        int served = servedCount();
        FiledProcess.Ended out = start(env, true, no, "apply", "-no-color").finish();
        assertEquals(served + 1, servedCount(), "the background berth served the apply");
        assertEquals(normalised(plain), normalised(out));
        assertTrue(out.code() != 0 && out.out().contains("Enter a value:"), out::toString);
        assertEquals(1, out.code(), out::toString);
        assertEquals(terraform("no.stdout"), fromThePrompt(out.out()), "Terraform 1.11's words, on standard output");
        assertEquals("", out.err(), "a refusal is no error to Terraform 1.11");
        assertEquals("", run(env, false, "state", "list").out(), "nothing was applied");
        assertEquals(0, DockerEngine.containersOf(docker, cluster).size());
    }

    /**
     * Ctrl-C while the approval prompt waits ends the apply at once, as Terraform's prompt does,
     * instead of saying "Gracefully shutting down..." and waiting on for an answer until a second
     * Ctrl-C kills it: Terraform 1.11's bytes (terraform-approval/), exit 1, nothing applied and
     * the run lock released, in a JVM of its own and through the client (which waited for the
     * input the command asked for and held the signal back until a line came).
     */
    @Test
    void ctrlCAtTheApprovalPromptEndsTheApplyAsTerraformsDoes() throws Exception {
        writeConfig(1);
        Map<String, String> env = env(cluster);
        List<FiledProcess.Ended> ended = new ArrayList<>();
        for (boolean daemon : new boolean[]{false, true}) {
            if (daemon) awaitDaemon(env);
            int served = servedCount();
            FiledProcess s = startWaitingForInput(env, daemon, "apply", "-no-color");
            try {
                s.awaitOut("Enter a value:");
                Process kill = new ProcessBuilder("kill", "-s", InterruptIT.ctrlC(), Long.toString(s.process().pid()))
                        .inheritIO().start();
                assertEquals(0, kill.waitFor());
                assertTrue(s.process().waitFor(30, TimeUnit.SECONDS), "one Ctrl-C at the prompt ended the apply");
            } finally {
                s.process().getOutputStream().close();
            }
            FiledProcess.Ended o = s.finish();
            if (daemon) assertEquals(served + 1, servedCount(), "the background berth served the apply");
            assertEquals(1, o.code(), o::toString);
            assertEquals(terraform("interrupted.stdout"), fromThePrompt(o.out()), o::toString);
            assertEquals(terraform("interrupted.stderr"), o.err(), o::toString);
            assertEquals("", run(env, false, "state", "list").out(), "nothing was applied");
            assertEquals(0, DockerEngine.containersOf(docker, cluster).size());
            ended.add(o);
        }
        assertEquals(normalised(ended.get(0)), normalised(ended.get(1)));
        FiledProcess.Ended next = run(env, true, "apply", "-auto-approve", "-no-color");
        assertEquals(0, next.code(), () -> "the run lock was released:\n" + next);
    }

    /**
     * An apply's Ctrl-C handler goes with it: a plan the same background berth runs next, waiting
     * for the run lock before it has a handler of its own, is ended by SIGTERM as the JVM ends
     * (143), not told "Interrupt received" by a handler the apply left behind.
     */
    @Test
    void afterAnApplyCtrlCIsTheJvmsAgain() throws Exception {
        writeConfig(1);
        Map<String, String> env = env(cluster);
        long pid = daemonPid(awaitDaemon(env));
        int served = servedCount();
        FiledProcess.Ended apply = run(env, true, "apply", "-auto-approve", "-no-color");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(served + 1, servedCount(), "the background berth served the apply");
        List<FiledProcess.Ended> once = new ArrayList<>();
        for (boolean daemon : new boolean[]{false, true}) {
            try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
                store.lock(new LockInfo("held-by-test", "apply", "tester@host", Instant.now()), Duration.ZERO);
                try {
                    FiledProcess s = start(env, daemon, null, "plan", "-no-color", "-lock-timeout=120s");
                    Thread.sleep(3000);
                    s.process().destroy();
                    once.add(s.finish());
                } finally {
                    store.unlock("held-by-test");
                }
            }
        }
        assertEquals(143, once.get(0).code(), once.get(0)::toString);
        assertEquals(once.get(0), once.get(1));
        assertTrue(gone(pid), "the signal ended the background berth that had run the apply");
    }

    @Test
    void ctrlCDuringAnApplyEndsAsInAJvmOfItsOwn() throws Exception {
        Map<String, String> env = env(cluster);
        List<FiledProcess.Ended> once = new ArrayList<>();
        for (boolean daemon : new boolean[]{false, true}) {
            writeSlowConfig();
            if (daemon) awaitDaemon(env);
            FiledProcess s = start(env, daemon, null, "apply", "-auto-approve", "-no-color");
            s.awaitOut("ecs_service.web: Creating...");
            s.process().destroy();
            once.add(s.finish());
            // The next apply finishes the job; then everything goes for the next route.
            assertEquals(0, run(env, daemon, "apply", "-auto-approve", "-no-color").code());
            assertEquals(0, run(env, false, "destroy", "-auto-approve", "-no-color").code());
        }
        for (FiledProcess.Ended o : once) {
            assertEquals(1, o.code(), o::toString);
            assertTrue(o.out().contains("Interrupt received.\nPlease wait for berth to exit or data loss may occur.\n"
                    + "Gracefully shutting down..."), o::toString);
            assertTrue(o.err().contains("Apply interrupted"), o::toString);
            assertFalse(o.out().contains("ecs_service.worker: Creating"), o::toString);
        }
        assertEquals(normalised(once.get(0)), normalised(once.get(1)));

        List<FiledProcess.Ended> twice = new ArrayList<>();
        for (boolean daemon : new boolean[]{false, true}) {
            long pid = daemon ? daemonPid(awaitDaemon(env)) : -1;
            FiledProcess s = start(env, daemon, null, "apply", "-auto-approve", "-no-color");
            s.awaitOut("ecs_service.web: Creating...");
            s.process().destroy();
            s.awaitOut("Gracefully shutting down");
            s.process().destroy();
            twice.add(s.finish());
            if (daemon) assertTrue(gone(pid), "the second interrupt ended the background berth, as it ends a JVM of its own");
            assertEquals(0, run(env, daemon, "apply", "-auto-approve", "-no-color").code(), "the next apply recovers");
            assertEquals(0, run(env, false, "destroy", "-auto-approve", "-no-color").code());
        }
        assertEquals(130, twice.get(0).code(), twice.get(0)::toString);
        assertEquals(twice.get(0).code(), twice.get(1).code(), twice.get(1)::toString);
        assertTrue(twice.get(1).out().contains("Two interrupts received. Exiting immediately."), twice.get(1)::toString);
    }

    @Test
    void aClientKilledMidApplyTakesTheDaemonAlongAndTheNextApplyRecovers() throws Exception {
        writeSlowConfig();
        Map<String, String> env = env(cluster);
        long pid = daemonPid(awaitDaemon(env));
        FiledProcess s = start(env, true, null, "apply", "-auto-approve", "-no-color");
        s.awaitOut("ecs_service.web: Creating...");
        s.process().destroyForcibly();
        s.process().waitFor(10, TimeUnit.SECONDS);
        assertTrue(gone(pid), "the background berth ended with its killed client");
        FiledProcess.Ended next = run(env, true, "apply", "-auto-approve", "-no-color");
        assertEquals(0, next.code(), next::toString);
        FiledProcess.Ended plan = run(env, false, "plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, plan.code(), () -> "the apply after the kill converged:\n" + plan);
        assertEquals(4, DockerEngine.containersOf(docker, cluster).size(), "three web tasks and one worker, no stray container");
    }

    // --- helpers ---

    private void writeConfig(int tasks) throws IOException {
        Files.writeString(dir.resolve("main.hcl"), FargateApp.clusterAndApp(cluster, FargateApp.IMAGE, 32, "trap 'exit 0' TERM; while :; do sleep 1; done")
                + FargateApp.service("web", tasks, null));
    }

    /** As InterruptIT's: web's three tasks take a moment to start, and worker waits for web. */
    private void writeSlowConfig() throws IOException {
        writeConfig(3);
        Files.writeString(dir.resolve("main.hcl"), Files.readString(dir.resolve("main.hcl"))
                + FargateApp.service("worker", 1, "web"));
    }

    /** The test's environment, with a control plane named {@code store} of its own. */
    private static Map<String, String> env(String store) {
        Map<String, String> env = new HashMap<>(base);
        env.put("BERTH_ECS_STORE", work.resolve(store + ".ecs.db").toString());
        return env;
    }

    /**
     * What differs between two runs of the same command whatever runs it: how long a change took
     * ("after 0s", "after 1s"), the heartbeat, the order in which parallel work reports (a run of
     * progress lines is compared sorted), and a
     * task definition's revision once a route before has registered the family.
     */
    private static FiledProcess.Ended normalised(FiledProcess.Ended o) {
        return new FiledProcess.Ended(o.code(), normalise(o.out()), normalise(o.err()));
    }

    private static final Pattern PROGRESS = Pattern.compile("^[a-z_]+\\.[a-z0-9_]+: ");

    private static String normalise(String s) {
        String t = s.replaceAll("(complete|errored) after \\d+s", "$1 after Ns")
                .replaceAll("(?m)^.*Still (creating|modifying|destroying)\\.\\.\\..*\\n", "")
                .replaceAll("-app:\\d+", "-app:N");
        List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
        for (int i = 0; i < lines.size(); ) {
            int j = i;
            while (j < lines.size() && PROGRESS.matcher(lines.get(j)).find()) j++;
            if (j > i + 1) java.util.Collections.sort(lines.subList(i, j));
            i = Math.max(j, i + 1);
        }
        return String.join("\n", lines);
    }

    private FiledProcess.Ended run(Map<String, String> env, boolean daemon, String... args) throws Exception {
        return start(env, daemon, null, args).finish();
    }


    /** What Terraform printed (terraform-approval/, scripts/approval-oracle.py), with berth's name for itself. */
    private static String terraform(String capture) throws IOException {
        try (var in = ApplyThroughDaemonIT.class.getResourceAsStream("/terraform-approval/" + capture)) {
            assertTrue(in != null, "no capture " + capture);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("Terraform", "berth");
        }
    }

    /** Standard output from the approval prompt on. */
    private static String fromThePrompt(String out) {
        int at = out.lastIndexOf("  Enter a value: ");
        assertTrue(at >= 0, () -> "no prompt in:\n" + out);
        return out.substring(at);
    }

    /** As {@link #start}, with a standard input that stays open and empty until the test closes it. */
    private FiledProcess startWaitingForInput(Map<String, String> env, boolean daemon, String... args) throws IOException {
        return launch(env, daemon, ProcessBuilder.Redirect.PIPE, args);
    }

    private FiledProcess start(Map<String, String> env, boolean daemon, Path stdin, String... args) throws IOException {
        return launch(env, daemon, ProcessBuilder.Redirect.from(stdin == null ? new java.io.File("/dev/null") : stdin.toFile()), args);
    }

    private FiledProcess launch(Map<String, String> env, boolean daemon, ProcessBuilder.Redirect stdin, String... args)
            throws IOException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        List<String> argv = new ArrayList<>(List.of(berth.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile())
                .redirectInput(stdin)
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        if (!daemon) pb.environment().put("BERTH_DAEMON", "off");
        return new FiledProcess(pb.start(), out, err);
    }

    /** Makes sure a berth serves this directory and environment; returns its directory. */
    private Path awaitDaemon(Map<String, String> env) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            Map<Path, Integer> before = servedByDir();
            run(env, true, "version");
            for (Map.Entry<Path, Integer> e : servedByDir().entrySet()) {
                if (e.getValue() > before.getOrDefault(e.getKey(), 0)) return e.getKey();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no background berth answered in 90 s; logs under " + runtime);
    }

    private static long daemonPid(Path daemonDir) throws IOException {
        return Long.parseLong(Files.readString(daemonDir.resolve("pid")).trim());
    }

    private static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> p.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join() != null).orElse(true);
    }

    private static final Pattern SERVED = Pattern.compile("served a command, exit \\d+(?:; (.*))?");

    /** What the daemon's log says was left in it after the last command served (Residue), any directory. */
    private static String lastResidue() throws IOException {
        String last = null;
        java.time.Instant at = java.time.Instant.MIN;
        for (Path d : daemonDirs()) {
            if (!Files.exists(d.resolve("log"))) continue;
            for (String l : Files.readAllLines(d.resolve("log"))) {
                Matcher m = SERVED.matcher(l);
                if (!m.find()) continue;
                java.time.Instant t = java.time.Instant.parse(l.substring(0, l.indexOf(' ')));
                if (t.isAfter(at)) {
                    at = t;
                    last = m.group(1);
                }
            }
        }
        assertTrue(last != null, "the daemon's log tells what a command left behind");
        return last;
    }

    /**
     * The JVM's own shared pools, whoever used them: the ForkJoin common pool keeps up to a worker
     * per core for a minute after use, and the "process reaper" (which waits for any subprocess
     * the JVM starts) keeps its thread for a minute too. They are bounded and no apply's own, so
     * they are left out of the comparison.
     */
    private static String withoutJvmPools(String residue) {
        Matcher total = Pattern.compile("^(\\d+) threads").matcher(residue);
        assertTrue(total.find(), residue);
        int threads = Integer.parseInt(total.group(1));
        String rest = residue;
        for (String pool : List.of("ForkJoinPool\\.commonPool-worker-#", "process reaper")) {
            Matcher m = Pattern.compile("(, )?" + pool + "=(\\d+)").matcher(rest);
            if (m.find()) {
                threads -= Integer.parseInt(m.group(2));
                rest = m.replaceAll("");
            }
        }
        return rest.replaceFirst("^\\d+ threads", threads + " threads");
    }

    private static Map<Path, Integer> servedByDir() throws IOException {
        Map<Path, Integer> counts = new HashMap<>();
        for (Path d : daemonDirs()) {
            Integer n = BackgroundBerths.served(d);
            if (n != null) counts.put(d, n);
        }
        return counts;
    }

    private static int servedCount() throws IOException {
        return servedByDir().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The commands of the processes the background berths started that still run. */
    private static List<String> daemonChildren() throws IOException {
        List<String> children = new ArrayList<>();
        for (Path d : daemonDirs()) {
            Path pid = d.resolve("pid");
            if (!Files.exists(pid)) continue;
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(p -> p.children()
                    .forEach(c -> children.add(c.info().commandLine().orElse("pid " + c.pid()))));
        }
        return children;
    }

    private static List<Path> daemonDirs() throws IOException {
        return BackgroundBerths.dirs(runtime);
    }

    private static void stopEveryBerth() {
        BackgroundBerths.stopAll(runtime);
    }
}
