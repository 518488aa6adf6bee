package dev.berth.ecs.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of one test's own, which it may stop and restart (the shared one on 55432
 * is never touched): a fresh cluster in a temporary directory on a free loopback port, user
 * {@code berth} trusted, removed by {@link #close}. As root, the cluster belongs to the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
final class PrivatePostgres implements AutoCloseable {
    final int port;
    private final Path data;
    private final Path bin;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    PrivatePostgres() throws Exception {
        bin = binDir();
        data = Files.createTempDirectory("berth-private-pg");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        if (root) run("chown", "postgres:postgres", data.toString());
        run(asOwner(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "berth", "-A", "trust", "-E", "UTF8"));
        start();
    }

    String url() {
        return "postgres://berth@127.0.0.1:" + port + "/postgres";
    }

    void start() throws Exception {
        run(asOwner(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("log").toString(), "-w",
                "-t", "30", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + data
                        + " -c fsync=off", "start"));
    }

    void stop() throws Exception {
        run(asOwner(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "30", "-m", "fast", "stop"));
    }

    private List<String> asOwner(String... cmd) {
        List<String> out = new ArrayList<>();
        if (root) out.addAll(List.of("runuser", "-u", "postgres", "--"));
        out.addAll(List.of(cmd));
        return out;
    }

    private static void run(String... cmd) throws Exception {
        run(List.of(cmd));
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
    }

    private static Path binDir() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            return dirs.map(d -> d.resolve("bin")).filter(d -> Files.isExecutable(d.resolve("postgres")))
                    .max(Comparator.comparing(Path::toString)).orElseThrow(() ->
                            new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql"));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (RuntimeException e) {
            // Already stopped.
        } finally {
            try (Stream<Path> all = Files.walk(data)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
