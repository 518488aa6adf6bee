package dev.berth.ecs.http;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.console.ConsoleHandler;
import dev.berth.ecs.console.TaskLogs;
import dev.berth.ecs.sigv4.Refusal;
import dev.berth.ecs.sigv4.Verifier;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code berth server}'s HTTP side: ECS's JSON protocol over {@link EcsApi}, so the AWS CLI and
 * SDKs work against berth with {@code --endpoint-url}. Each connection has a thread of its own
 * ({@link ConnectionServer}) that answers Describe and List actions; actions that change the world
 * run on a pool of their own; whether two actions may run at once is the API's business (see
 * {@link dev.berth.ecs.atomic.Atomicity}), not the transport's. GET requests are the read-only
 * web console's ({@link ConsoleHandler}); the AWS protocol is POST only.
 */
public final class EcsHttpServer implements AutoCloseable {
    /** The largest request body accepted; ECS's largest requests (task definitions) are far smaller. */
    public static final int MAX_BODY = 1 << 20;
    public static final int DEFAULT_PORT = 4566;
    /** Changes take turns anyway (Atomicity); these only hold them while they wait. */
    private static final int CHANGE_THREADS = 8;

    private final ConnectionServer http;
    private final ExecutorService changes;

    private EcsHttpServer(ConnectionServer http, ExecutorService changes) {
        this.http = http;
        this.changes = changes;
    }

    /**
     * Listens on {@code address} (port 0: any free port) and serves {@code api}; {@code log} gets
     * one line for every failure that is berth's own fault, never the client's.
     */
    public static EcsHttpServer start(InetSocketAddress address, EcsApi api, Consumer<String> log) {
        return start(address, api, TaskLogs.NONE, log);
    }

    /** As {@link #start(InetSocketAddress, EcsApi, Consumer)}, the console showing log tails from {@code logs}. */
    public static EcsHttpServer start(InetSocketAddress address, EcsApi api, TaskLogs logs, Consumer<String> log) {
        return start(address, api, logs, null, log);
    }

    /**
     * As {@link #start(InetSocketAddress, EcsApi, TaskLogs, Consumer)}; with a {@code verifier}
     * (not null) every request, the console's included, must be signed by one of its keys.
     */
    public static EcsHttpServer start(InetSocketAddress address, EcsApi api, TaskLogs logs, Verifier verifier,
                                      Consumer<String> log) {
        // Changes on threads of their own: one waiting for its turn holds no connection's thread.
        ExecutorService changes = pool("berth-change-", CHANGE_THREADS);
        ActionHandler actions = new ActionHandler(api, MAX_BODY, verifier, log, changes);
        ConsoleHandler console = new ConsoleHandler(api, logs, log);
        ConnectionServer http = ConnectionServer.start(address, 64, exchange -> {
            String method = exchange.getRequestMethod();
            if (method.equals("GET") || method.equals("HEAD")) {
                try (exchange) {
                    // A browser cannot sign: with credentials the console is closed like the API.
                    Optional<Refusal> refused = ActionHandler.refusal(verifier, exchange, new byte[0]);
                    if (refused.isPresent()) {
                        if (method.equals("HEAD")) {
                            exchange.sendResponseHeaders(refused.get().status(), -1); // a HEAD answer has no body
                        } else {
                            ActionHandler.send(exchange, ActionHandler.Reply.refused(refused.get()));
                        }
                        return;
                    }
                    console.handle(exchange);
                }
            } else {
                actions.handle(exchange);
            }
        });
        return new EcsHttpServer(http, changes);
    }

    private static ExecutorService pool(String prefix, int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Where it listens, with the port the system chose when asked for port 0. */
    public InetSocketAddress address() {
        return http.address();
    }

    /** The endpoint URL a client gives, e.g. {@code http://127.0.0.1:4566}. */
    public String endpoint() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** Stops accepting, closes the connections, and lets the changes in hand finish (up to 10 s). */
    @Override
    public void close() {
        http.close();
        changes.shutdown();
        try {
            if (!changes.awaitTermination(10, TimeUnit.SECONDS)) changes.shutdownNow();
        } catch (InterruptedException e) {
            changes.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Parses {@code --listen HOST:PORT} (also {@code :PORT} and {@code [::1]:PORT}). */
    public static InetSocketAddress parseListen(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("--listen takes HOST:PORT, such as 127.0.0.1:4566; got \"" + listen + "\".");
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty()) host = "127.0.0.1";
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--listen takes HOST:PORT with a port from 0 to 65535; got \"" + listen + "\".");
        }
        return new InetSocketAddress(host, port);
    }
}
