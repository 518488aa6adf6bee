package dev.berth.cli.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code berth server} as a user starts it, on a free loopback port the system picks, serving
 * the control plane in {@code storeFile} (never the user's own). {@link #close()} stops it with
 * SIGTERM and checks that it stopped cleanly.
 */
final class ServerProcess implements AutoCloseable {
    private static final String LISTENING = "berth server listening on ";

    private final BerthProcess process;
    private final String endpoint;

    private ServerProcess(BerthProcess process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static ServerProcess start(Path storeFile, String... moreArgs) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("server", "--listen", "127.0.0.1:0"));
        args.addAll(java.util.List.of(moreArgs));
        BerthProcess p = BerthProcess.startWith(Map.of("BERTH_ECS_STORE", storeFile.toString()), args.toArray(String[]::new));
        try {
            String line = p.await(l -> l.startsWith(LISTENING), Duration.ofSeconds(60));
            String endpoint = line.substring(LISTENING.length(), line.indexOf(','));
            if (!line.endsWith("serving the control plane in " + storeFile)) {
                throw new AssertionError("the server names another store: " + line);
            }
            return new ServerProcess(p, endpoint);
        } catch (Throwable t) {
            p.close();
            throw t;
        }
    }

    /** http://127.0.0.1:PORT */
    String endpoint() {
        return endpoint;
    }

    String output() {
        return process.output();
    }

    @Override
    public void close() throws Exception {
        try {
            // kill(1) rather than Process.destroy(), which also closes the pipe the last lines come through.
            process.signal("TERM");
            Integer code = process.exitCode(Duration.ofSeconds(30));
            if (code == null || code != 0) {
                throw new AssertionError("berth server did not stop cleanly on SIGTERM (exit " + code + "):\n" + output());
            }
            process.await(l -> l.equals("berth server stopped"), Duration.ofSeconds(5));
        } finally {
            process.close();
        }
    }
}
