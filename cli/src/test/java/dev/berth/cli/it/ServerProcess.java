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
        return start(dev.berth.cli.TestStores.ecsStoreFor(storeFile), dev.berth.cli.TestStores.shownFor(storeFile), Map.of(),
                moreArgs);
    }

    /**
     * A server of the control plane {@code store} (a file or URL), which it names as {@code shown},
     * with {@code env} added and {@code moreArgs} after its own.
     */
    static ServerProcess start(String store, String shown, Map<String, String> env, String... moreArgs) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("BERTH_ECS_STORE", store);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("server", "--listen", "127.0.0.1:0"));
        args.addAll(java.util.List.of(moreArgs));
        BerthProcess p = BerthProcess.startWith(all, args.toArray(String[]::new));
        try {
            String line = p.await(l -> l.startsWith(LISTENING), Duration.ofSeconds(60));
            String endpoint = line.substring(LISTENING.length(), line.indexOf(','));
            if (!line.endsWith("serving the control plane in " + shown)) {
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

    /** Kills the server at once (SIGKILL), as a crash would: it finishes nothing. */
    void crash() throws Exception {
        process.signal("KILL");
        process.exitCode(Duration.ofSeconds(30));
    }

    /** Lets go of a server {@link #crash}ed already. */
    void discard() throws Exception {
        process.close();
    }

    /** Waits for a line of its output matching {@code test}. */
    String await(java.util.function.Predicate<String> test, Duration timeout) throws InterruptedException {
        return process.await(test, timeout);
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
