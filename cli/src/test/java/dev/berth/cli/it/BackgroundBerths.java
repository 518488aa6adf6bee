package dev.berth.cli.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The background berths' directories under a test's own runtime directory (XDG_RUNTIME_DIR). */
final class BackgroundBerths {
    private BackgroundBerths() {
    }

    /** bin/berth of this checkout, once the build has made the client it hands commands to. */
    static Path bin() {
        Path client = Path.of("target/berth-client").toAbsolutePath();
        if (!Files.isExecutable(client)) throw new AssertionError("the build makes target/berth-client (needs cc)");
        return Path.of("../bin/berth").toAbsolutePath();
    }

    /**
     * An environment made from nothing for a test's berths: PATH, locale, JAVA_HOME, TZ and
     * DOCKER_HOST from this JVM; a home, a runtime directory (mode 700, as XDG_RUNTIME_DIR must
     * be), a secret store and a log store of their own under {@code work}.
     */
    static Map<String, String> environment(Path work) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String k : List.of("PATH", "LANG", "LC_ALL", "JAVA_HOME", "TZ", "DOCKER_HOST")) {
            if (System.getenv(k) != null) env.put(k, System.getenv(k));
        }
        Path runtime = Files.createDirectories(work.resolve("run"));
        Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("BERTH_SECRET_STORE", work.resolve("secrets.db").toString());
        env.put("BERTH_LOG_STORE", work.resolve("logs").toString());
        env.put("BERTH_DAEMON_IDLE", "120");
        return env;
    }

    /** Each berth that names {@code runtime} in its command line (a pid file's pid may be another process's by now). */
    static void stopAll(Path runtime) {
        for (ProcessHandle p : ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("-Dberth.daemon=" + runtime)).orElse(false)).toList()) {
            p.destroyForcibly();
            p.onExit().join();
        }
    }

    static List<Path> dirs(Path runtime) throws IOException {
        Path root = runtime.resolve("berth");
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith("daemon-")).toList();
        }
    }

    /**
     * Commands the berth of {@code dir} has served, by its log; null when a starting berth removed
     * the directory meanwhile (StaleDaemons).
     */
    static Integer served(Path dir) throws IOException {
        Path log = dir.resolve("log");
        int n = 0;
        try {
            if (Files.exists(log)) for (String l : Files.readAllLines(log)) if (l.contains("served a command")) n++;
        } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
            return null;
        }
        return n;
    }
}
