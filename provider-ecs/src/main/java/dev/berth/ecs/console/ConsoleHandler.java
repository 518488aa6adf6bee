package dev.berth.ecs.console;

import com.sun.net.httpserver.HttpExchange;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.EcsJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The console's GET side of {@code berth server}: the page and its two files from the jar, the
 * picture of the world as JSON ({@code /console/api/world}) and a task's log tail
 * ({@code /console/api/logs?cluster=C&task=T}). Read-only: it calls Describe and List actions
 * only. The page may load nothing from elsewhere (its Content-Security-Policy says so), so it
 * works on a machine with no network.
 */
public final class ConsoleHandler {
    private static final String ROOT = "/dev/berth/ecs/console/";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html", "/index.html", "index.html",
            "/console.css", "console.css", "/console.js", "console.js", "/favicon.svg", "favicon.svg");
    private static final int LOG_LINES = 100;
    /**
     * How long a picture is served again rather than read anew: a picture costs the server a few
     * hundred milliseconds of reads (engines are asked what runs), so several open pages polling
     * once a second cost what one does.
     */
    private static final long REUSE_NANOS = 900_000_000L;

    private final WorldReader reader;
    private final TaskLogs logs;
    private final Consumer<String> log;
    private String lastPicture;
    private long lastRead;

    public ConsoleHandler(EcsApi api, TaskLogs logs, Consumer<String> log) {
        this.reader = new WorldReader(api);
        this.logs = logs;
        this.log = log;
    }

    /** Answers a GET or HEAD request. */
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (FILES.containsKey(path)) {
                file(exchange, FILES.get(path));
            } else if (path.equals("/console/api/world")) {
                json(exchange, picture());
            } else if (path.equals("/console/api/logs")) {
                Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
                if (q.get("task") == null) throw EcsException.invalidParameter("Name a task: ?cluster=C&task=ARN.");
                json(exchange, EcsJson.write(logs.tail(q.get("cluster"), q.get("task"), LOG_LINES)));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found: " + path, null);
            }
        } catch (EcsException e) {
            send(exchange, 400, "application/json", EcsJson.write(Map.of("error", e.errorName(), "message",
                    e.getMessage())), null);
        } catch (RuntimeException e) {
            log.accept("console " + path + " failed inside berth: " + e);
            send(exchange, 500, "application/json", EcsJson.write(Map.of("error", EcsException.SERVER, "message",
                    "The console could not read the world (" + e.getClass().getSimpleName()
                            + "); the server's log says more.")), null);
        }
    }

    /** One reader at a time; those who wait for it get its picture. */
    private synchronized String picture() {
        if (lastPicture == null || System.nanoTime() - lastRead > REUSE_NANOS) {
            lastPicture = EcsJson.write(reader.read());
            lastRead = System.nanoTime();
        }
        return lastPicture;
    }

    private void file(HttpExchange exchange, String name) throws IOException {
        byte[] body;
        try (InputStream in = ConsoleHandler.class.getResourceAsStream(ROOT + name)) {
            if (in == null) throw new IllegalStateException("the jar lacks " + ROOT + name);
            body = in.readAllBytes();
        }
        String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css")
                ? "text/css; charset=utf-8" : name.endsWith(".svg") ? "image/svg+xml" : "text/javascript; charset=utf-8";
        send(exchange, 200, type, body, etag(body));
    }

    /** An unchanged picture is 304 by its ETag, so a polling page redraws only on change. */
    private void json(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String tag = etag(body);
        if (tag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.getResponseHeaders().set("ETag", tag);
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, "application/json", body, tag);
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String tag) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8), tag);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, String tag) throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-cache");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        if (tag != null) h.set("ETag", tag);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (head) return;
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
