package dev.berth.cli.it;

import dev.berth.engine.state.LockInfo;
import dev.berth.state.SqliteStateStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background berth prints what a JVM of the command's own prints, byte for byte, with the same
 * exit status: every example and every CLI fixture directory through both routes of bin/berth (a
 * copy of the build's, so its jar can be touched), other directories and environments, a
 * terminal, several clients at once, a rebuilt jar, a berth killed mid-command and Ctrl-C (here
 * SIGTERM, which berth treats the same and which a test's child never has ignored) during a plan.
 * Every berth it starts it stops.
 *
 * <p>Its berths get an environment made from nothing, with the control plane and the state in
 * SQLite files of their own, so the PostgreSQL pass would run the very same thing again: tagged
 * {@code sqlite-only}, that pass leaves it out (parent pom.xml, profile it-postgres).
 */
@Tag("sqlite-only")
class DaemonRouteIT {
    private static final String KILLED = "berth: the background berth process stopped before the command finished; "
            + "run it again, or with BERTH_DAEMON=off.\n";

    @TempDir
    static Path work;
    private static Path berth;
    private static Path runtime;
    private static Path jar;
    private static Map<String, String> base;
    private static ServerSocket silent;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();


    @BeforeAll
    static void install() throws Exception {
        Path inst = work.resolve("inst");
        Files.createDirectories(inst.resolve("bin"));
        Files.createDirectories(inst.resolve("cli/target"));
        Path target = Path.of("target").toAbsolutePath();
        assertTrue(Files.isExecutable(target.resolve("berth-client")), "the build makes target/berth-client (needs cc)");
        exec("cp", "-a", Path.of("../bin/berth").toAbsolutePath().toString(), inst.resolve("bin").toString());
        exec("cp", "-a", target.resolve("berth.jar").toString(), target.resolve("berth-client").toString(),
                inst.resolve("cli/target").toString());
        if (Files.isDirectory(target.resolve("aot"))) exec("cp", "-a", target.resolve("aot").toString(), inst.resolve("cli/target").toString());
        berth = inst.resolve("bin/berth");
        jar = inst.resolve("cli/target/berth.jar");
        runtime = Files.createDirectories(work.resolve("run"));
        Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        base = new HashMap<>();
        for (String k : List.of("PATH", "LANG", "LC_ALL", "JAVA_HOME", "TZ")) {
            if (System.getenv(k) != null) base.put(k, System.getenv(k));
        }
        base.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        base.put("XDG_RUNTIME_DIR", runtime.toString());
        base.put("BERTH_ECS_STORE", work.resolve("ecs.db").toString());
        base.put("BERTH_SECRET_STORE", work.resolve("secrets.db").toString());
        base.put("BERTH_LOG_STORE", work.resolve("logs").toString());
        base.put("BERTH_DAEMON_IDLE", "120");
        copyCases();
        // An ECS endpoint that takes calls and never answers: a plan reading from it waits.
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) held.add(silent.accept());
            } catch (IOException closed) {
                // The test is over.
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        Path hang = Files.createDirectories(work.resolve("hang"));
        Files.writeString(hang.resolve("main.hcl"), "provider \"ecs\" {\n  endpoint = \"http://127.0.0.1:" + silent.getLocalPort()
                + "\"\n}\n\ndata \"ecs_cluster\" \"x\" {\n  cluster_name = \"x\"\n}\n");
    }

    @AfterAll
    static void stopEveryBerth() throws Exception {
        // Each names this test's directory in its command line (a pid file's pid may be another process's by now).
        for (int pass = 0; pass < 3; pass++) {
            List<ProcessHandle> ours = new ArrayList<>();
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                    .map(c -> c.contains("-Dberth.daemon=" + runtime)).orElse(false)).forEach(ours::add);
            for (ProcessHandle p : ours) {
                p.destroyForcibly();
                p.onExit().join();
            }
            Thread.sleep(500);
        }
        silent.close();
        for (Socket s : held) s.close();
    }

    @Test
    void everyExampleAndFixturePrintsTheSameThroughBothRoutes() throws Exception {
        Map<String, String> env = new HashMap<>(base);
        awaitDaemon(work, env);
        int served = servedCount();
        int asked = 0;
        List<String> cases;
        try (Stream<Path> s = Files.list(work.resolve("cases"))) {
            cases = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(cases.size() >= 12, "examples and fixtures were found: " + cases);
        for (String c : cases) {
            // Every directory is validated and planned; the examples also as JSON and through fmt.
            List<List<String>> commands = c.contains("-fixture-")
                    ? List.of(List.of("validate", "-no-color"), List.of("plan", "-no-color"))
                    : List.of(List.of("validate", "-no-color"), List.of("validate", "-json"), List.of("plan", "-no-color"),
                    List.of("fmt", "-check", "-diff", "-no-color"));
            for (List<String> cmd : commands) {
                List<String> args = new ArrayList<>(List.of("-chdir=cases/" + c));
                args.addAll(cmd);
                same(work, env, args.toArray(String[]::new));
                asked++;
            }
        }
        for (String[] args : List.of(new String[]{"version"}, new String[]{"ecs", "list-clusters"},
                new String[]{"ecs", "list-task-definitions"}, new String[]{"ecs", "describe-clusters", "--clusters", "nope"},
                new String[]{"-chdir=cases/" + cases.get(0), "state", "list"})) {
            same(work, env, args);
            asked++;
        }
        assertEquals(served + asked, servedCount(), "every command through the daemon route was served by the background berth");
    }

    @Test
    void aStartingBerthRemovesTheDirectoriesOfBerthsThatAreGone() throws Exception {
        // What a berth killed long ago leaves: its lock (held by nobody), pid, log and socket.
        Path root = Files.createDirectories(runtime.resolve("berth"));
        Path gone = Files.createDirectory(root.resolve("daemon-00000000000000aa"));
        Files.setPosixFilePermissions(gone, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        for (String f : List.of("lock", "pid", "log", "sock")) {
            Files.writeString(gone.resolve(f), f.equals("pid") ? "999999\n" : "");
            Files.setLastModifiedTime(gone.resolve(f), FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        }
        Files.setLastModifiedTime(gone, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        Map<String, String> env = new HashMap<>(base);
        env.put("SWEEP", "1");
        Path started = awaitDaemon(work, env);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(gone) && System.nanoTime() < end) Thread.sleep(100);
        assertTrue(!Files.exists(gone), "the gone berth's directory is removed; log: " + Files.readString(started.resolve("log")));
        assertTrue(Files.isDirectory(started), "its own directory stays");
        assertTrue(Files.readString(started.resolve("log")).contains("removed " + gone), "and says so in its log");
    }

    @Test
    void eachDirectoryAndEnvironmentHasItsOwnBerth() throws Exception {
        Path web = work.resolve("cases").resolve(firstCase("web"));
        for (Map<String, String> extra : List.of(Map.of("NO_COLOR", "1"), Map.of("COLUMNS", "50", "TF_VAR_unused", "x"))) {
            Map<String, String> env = new HashMap<>(base);
            env.putAll(extra);
            for (Path cwd : List.of(web, web.getParent())) {
                String[] chdir = cwd.equals(web) ? new String[0] : new String[]{"-chdir=" + web.getFileName()};
                awaitDaemon(cwd, env);
                int served = servedCount();
                same(cwd, env, concat(chdir, "plan"));
                same(cwd, env, concat(chdir, "validate"));
                same(cwd, env, "ecs", "list-task-definitions", "--output", "table");
                assertEquals(served + 3, servedCount(), "served by the berth of this directory and environment");
            }
        }
    }

    @Test
    void aTerminalGetsColoursAndItsWidth() throws Exception {
        Map<String, String> env = new HashMap<>(base);
        env.put("TERM", "xterm");
        String web = firstCase("web");
        List<String> script = List.of("script", "-qec", "'" + berth + "' -chdir=cases/" + web + " plan", "/dev/null");
        FiledProcess.Ended plain = runArgv(work, withRoute(env, false), script);
        assertTrue(plain.out().contains("\u001b["), () -> "a terminal gets colours:\n" + plain);
        // The shell script starts adds its own variables: the first run starts that environment's berth.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            int served = servedCount();
            FiledProcess.Ended out = runArgv(work, withRoute(env, true), script);
            assertEquals(plain, out);
            if (servedCount() > served) break;
            assertTrue(System.nanoTime() < end, "no background berth served the terminal's command in 90 s");
            Thread.sleep(300);
        }
    }

    @Test
    void severalClientsAtOnceEachGetTheirOwnOutput() throws Exception {
        Map<String, String> env = new HashMap<>(base);
        env.put("SEVERAL", "1");
        List<String> cases;
        try (Stream<Path> s = Files.list(work.resolve("cases"))) {
            cases = s.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
        }
        awaitDaemon(work, env);
        Map<String, FiledProcess.Ended> plain = new HashMap<>();
        for (String c : cases) plain.put(c, run(work, env, false, "-chdir=cases/" + c, "plan", "-no-color", "-lock=false"));
        ExecutorService pool = Executors.newFixedThreadPool(cases.size());
        try {
            int served = servedCount();
            Map<String, Future<FiledProcess.Ended>> runs = new HashMap<>();
            for (String c : cases) runs.put(c, pool.submit(() -> run(work, env, true, "-chdir=cases/" + c, "plan", "-no-color", "-lock=false")));
            for (String c : cases) assertEquals(plain.get(c), runs.get(c).get(3, TimeUnit.MINUTES), c);
            // One at a time in the background berth; those that find it busy run in JVMs of their own.
            assertTrue(servedCount() > served, "the background berth served at least one of them");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRebuiltJarRetiresItsBerth() throws Exception {
        Map<String, String> env = new HashMap<>(base);
        env.put("REBUILT", "1");
        Path dir = awaitDaemon(work, env);
        long old = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
        FileTime was = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
            ProcessHandle.of(old).ifPresent(p -> assertTrue(p.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join() != null,
                    "the berth of the old jar left"));
            same(work, env, "version");
        } finally {
            Files.setLastModifiedTime(jar, was);
        }
    }

    @Test
    void theBackgroundBerthGetsTheOptimisingCompilerAndKeepsTheUsersOptions() throws Exception {
        Map<String, String> env = new HashMap<>(base);
        env.put("COMPILER", "1");
        List<String> served = jvmArguments(awaitDaemon(work, env));
        assertFalse(served.contains("-XX:TieredStopAtLevel=1"), "a resident JVM compiles with C2 too: " + served);
        assertTrue(served.contains("-XX:+UseSerialGC") && served.contains("-XX:MaxHeapFreeRatio=20")
                        && served.contains("-Xmn64m"),
                "a resident JVM collects serially, a small young generation, and gives back what it frees: " + served);
        assertTrue(served.contains("-Djdk.nio.maxCachedBufferSize=1048576"), "the rest of bin/berth's options stay: " + served);
        // The same word in BERTH_JAVA_OPTS is the user's choice, and the background berth keeps it.
        env.put("BERTH_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        served = jvmArguments(awaitDaemon(work, env));
        assertTrue(served.contains("-XX:TieredStopAtLevel=1"), "BERTH_JAVA_OPTS reaches the background berth: " + served);
    }

    @Test
    void aCommandTheClientRunsInAJvmOfItsOwnGetsTheOneCommandOptionsOnly() throws Exception {
        Map<String, String> env = new HashMap<>(base);
        env.put("ONE_JVM", "1");
        // No berth serves this environment yet: the client starts one and execs the JVM for this
        // command itself, under its own process id, where the plan then waits on a silent endpoint.
        FiledProcess s = start(work, withRoute(env, true), List.of(berth.toString(), "-chdir=hang", "plan", "-no-color",
                "-lock=false"));
        try {
            s.awaitOut("Reading...");
            List<String> own = List.of(s.process().info().arguments().orElseThrow());
            assertTrue(own.contains("-XX:TieredStopAtLevel=1") && own.contains("-XX:+UseSerialGC"),
                    "a JVM of its own compiles with C1 and collects serially: " + own);
            assertFalse(own.contains("-Xmn64m") || own.contains("-XX:MaxHeapFreeRatio=20"),
                    "a JVM of its own gets none of the background berth's options: " + own);
        } finally {
            s.process().destroyForcibly();
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> jvmArguments(Path daemonDir) throws IOException {
        long pid = Long.parseLong(Files.readString(daemonDir.resolve("pid")).trim());
        return List.of(ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow());
    }

    @Test
    void aBerthKilledMidCommandIsOneSentence() throws Exception {
        Map<String, String> env = new HashMap<>(base);
        env.put("KILLED", "1");
        Path dir = awaitDaemon(work, env);
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
        FiledProcess s = start(work, withRoute(env, true), List.of(berth.toString(), "-chdir=hang", "plan", "-no-color"));
        s.awaitOut("Reading...");
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        FiledProcess.Ended out = s.finish();
        assertEquals(1, out.code(), out::toString);
        assertEquals(KILLED, out.err(), out::toString);
    }

    @Test
    void ctrlCDuringAPlanEndsAsInAJvmOfItsOwn() throws Exception {
        Map<String, String> env = new HashMap<>(base);
        env.put("INTERRUPTED", "1");
        // Twice while it reads: the graceful notice, then the forced end (130).
        List<FiledProcess.Ended> twice = new ArrayList<>();
        for (boolean daemon : new boolean[]{false, true}) {
            if (daemon) awaitDaemon(work, env);
            FiledProcess s = start(work, withRoute(env, daemon), List.of(berth.toString(), "-chdir=hang", "plan", "-no-color"));
            s.awaitOut("Reading...");
            s.process().destroy();
            s.awaitOut("Gracefully shutting down");
            s.process().destroy();
            twice.add(s.finish());
        }
        assertEquals(130, twice.get(0).code(), twice.get(0)::toString);
        assertEquals(twice.get(0), twice.get(1));
        // Once while it waits for the run lock, before it has a handler of its own: the JVM's end (143).
        Path locked = work.resolve("cases").resolve(firstCase("web"));
        List<FiledProcess.Ended> once = new ArrayList<>();
        for (boolean daemon : new boolean[]{false, true}) {
            if (daemon) awaitDaemon(work, env);
            try (SqliteStateStore store = SqliteStateStore.open(locked.resolve("berth.db"))) {
                store.lock(new LockInfo("held-by-test", "apply", "tester@host", Instant.now()), Duration.ZERO);
                FiledProcess s = start(work, withRoute(env, daemon), List.of(berth.toString(), "-chdir=" + locked, "plan",
                        "-no-color", "-lock-timeout=120s"));
                Thread.sleep(3000);
                s.process().destroy();
                once.add(s.finish());
                store.unlock("held-by-test");
            }
        }
        assertEquals(143, once.get(0).code(), once.get(0)::toString);
        assertEquals(once.get(0), once.get(1));
    }

    // --- helpers ---

    private static void same(Path cwd, Map<String, String> env, String... args) throws Exception {
        FiledProcess.Ended plain = run(cwd, env, false, args);
        FiledProcess.Ended served = run(cwd, env, true, args);
        assertEquals(plain, served, () -> "berth " + String.join(" ", args) + " in " + cwd);
    }

    private static FiledProcess.Ended run(Path cwd, Map<String, String> env, boolean daemon, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(berth.toString()));
        argv.addAll(List.of(args));
        return runArgv(cwd, withRoute(env, daemon), argv);
    }

    private static Map<String, String> withRoute(Map<String, String> env, boolean daemon) {
        Map<String, String> e = new HashMap<>(env);
        if (!daemon) e.put("BERTH_DAEMON", "off");
        return e;
    }

    private static FiledProcess.Ended runArgv(Path cwd, Map<String, String> env, List<String> argv) throws Exception {
        return start(cwd, env, argv).finish();
    }


    private static FiledProcess start(Path cwd, Map<String, String> env, List<String> argv) throws IOException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return new FiledProcess(pb.start(), out, err);
    }

    /** Makes sure a berth serves this directory and environment; returns its directory. */
    private static Path awaitDaemon(Path cwd, Map<String, String> env) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            Map<Path, Integer> before = servedByDir();
            run(cwd, env, true, "version");
            for (Map.Entry<Path, Integer> e : servedByDir().entrySet()) {
                if (e.getValue() > before.getOrDefault(e.getKey(), 0)) return e.getKey();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no background berth answered in 90 s; logs under " + runtime);
    }

    /**
     * Commands served, by berth directory. A starting berth removes the directories of berths that
     * are gone (a test kills some), so a directory seen before keeps its last count here.
     */
    private static synchronized Map<Path, Integer> servedByDir() throws IOException {
        Map<Path, Integer> counts = new HashMap<>(SEEN);
        for (Path d : daemonDirs()) {
            Integer n = BackgroundBerths.served(d);
            if (n != null) counts.put(d, n);
        }
        SEEN.putAll(counts);
        return counts;
    }

    private static final Map<Path, Integer> SEEN = new HashMap<>();

    private static int servedCount() throws IOException {
        return servedByDir().values().stream().mapToInt(Integer::intValue).sum();
    }

    private static List<Path> daemonDirs() throws IOException {
        return BackgroundBerths.dirs(runtime);
    }

    private static void copyCases() throws Exception {
        Path cases = Files.createDirectories(work.resolve("cases"));
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("../examples"))) {
            s.filter(DaemonRouteIT::hasConfig).forEach(dirs::add);
        }
        int examples = dirs.size();
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
            s.filter(Files::isDirectory).filter(DaemonRouteIT::hasConfig).forEach(dirs::add);
        }
        for (int i = 0; i < dirs.size(); i++) {
            Path d = dirs.get(i);
            Path to = cases.resolve(String.format("%02d-%s-%s", i, i < examples ? "example" : "fixture", d.getFileName()));
            exec("cp", "-r", d.toAbsolutePath().toString(), to.toString());
        }
    }

    private static boolean hasConfig(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".hcl") || p.toString().endsWith(".tf"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstCase(String name) throws IOException {
        try (Stream<Path> s = Files.list(work.resolve("cases"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-" + name)).sorted().findFirst().orElseThrow();
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void exec(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, () -> String.join(" ", argv));
    }
}
