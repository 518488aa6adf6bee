package dev.berth.ecs.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.berth.ecs.api.Actions;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.sigv4.Refusal;
import dev.berth.ecs.sigv4.SignedRequest;
import dev.berth.ecs.sigv4.Verifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One request: its target names the action, its body is the action's request record, the
 * answer is the response record or the error as ECS sends it. With a {@link Verifier} (berth
 * server's {@code --credentials}) a request must first carry a valid SigV4 signature by one of
 * its keys; without one, credentials and signatures are accepted whatever they are.
 */
final class ActionHandler implements HttpHandler {
    private final EcsApi api;
    private final int maxBody;
    private final Consumer<String> log;
    private final Verifier verifier;
    private final java.util.concurrent.Executor changes;

    ActionHandler(EcsApi api, int maxBody, Verifier verifier, Consumer<String> log) {
        this(api, maxBody, verifier, log, null);
    }

    /** {@code changes}: where actions that change the world run (null: on the request's own thread). */
    ActionHandler(EcsApi api, int maxBody, Verifier verifier, Consumer<String> log,
                  java.util.concurrent.Executor changes) {
        this.changes = changes;
        this.api = api;
        this.maxBody = maxBody;
        this.verifier = verifier;
        this.log = log;
    }

    /** A reply: HTTP status, body, and the error name when it is an error. */
    record Reply(int status, String body, String errorName) {
        static Reply ok(Object response) {
            return new Reply(200, EcsJson.write(response), null);
        }

        static Reply error(String name, String message) {
            return new Reply(Wire.status(name), Wire.errorJson(name, message), name);
        }

        static Reply refused(Refusal r) {
            return new Reply(r.status(), Wire.errorJson(r.errorName(), r.message()), r.errorName());
        }
    }

    /**
     * Describe and List actions are answered on the calling (request) thread; other actions are
     * handed to {@code changes} when there is one, so a change waiting for its turn never holds
     * a request thread: with one pool, 8 queued RunTasks kept every Describe waiting for a thread.
     */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body;
        try {
            body = readAtMost(exchange.getRequestBody(), maxBody);
        } catch (IOException e) {
            exchange.close();
            return; // the client went away while sending; there is no one to answer
        }
        String target = exchange.getRequestHeaders().getFirst(Wire.TARGET_HEADER);
        boolean change = target != null && target.startsWith(Wire.TARGET_PREFIX)
                && Actions.named(target.substring(Wire.TARGET_PREFIX.length())).map(a -> !a.readOnly()).orElse(false);
        if (change && changes != null) {
            changes.execute(() -> answer(exchange, body, arrived));
        } else {
            answer(exchange, body, arrived);
        }
    }

    private void answer(HttpExchange exchange, byte[] body, long arrived) {
        try (exchange) {
            Reply reply = reply(exchange, body);
            exchange.getResponseHeaders().set(Wire.SERVER_TIMING_HEADER,
                    String.format(java.util.Locale.ROOT, "berth;dur=%.3f", (System.nanoTime() - arrived) / 1e6));
            send(exchange, reply);
        } catch (IOException e) {
            // The client went away before its answer; there is no one to tell.
        }
    }

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", Wire.CONTENT_TYPE);
        exchange.getResponseHeaders().set(Wire.REQUEST_ID_HEADER, requestId());
        if (reply.errorName() != null) exchange.getResponseHeaders().set(Wire.ERROR_TYPE_HEADER, reply.errorName());
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * A random (version 4) UUID, as ECS's request ids are. Not {@code UUID.randomUUID()}: an id
     * that names a request needs no secret randomness, and that one's generator is one lock for
     * every request thread (waits of 10-20 ms each under the load test, bench/README.md).
     */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private Reply reply(HttpExchange exchange, byte[] body) {
        if (body == null) {
            return Reply.error(Wire.TOO_LARGE, "The request body is larger than " + maxBody + " bytes, the most berth server accepts.");
        }
        Optional<Refusal> refused = refusal(verifier, exchange, body);
        if (refused.isPresent()) return Reply.refused(refused.get());
        return reply(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst(Wire.TARGET_HEADER), body);
    }

    /**
     * The answer to one request whose body has been read and whose signature, if one is asked
     * for, has been checked; apart from the exchange so that it can be driven in process (the
     * fuzz test).
     */
    Reply reply(String method, String path, String targetHeader, byte[] body) {
        if (!method.equals("POST") || !path.equals("/")) {
            return Reply.error(Wire.UNKNOWN_OPERATION, "berth server answers ECS's JSON protocol only: POST / with "
                    + Wire.TARGET_HEADER + ": " + Wire.TARGET_PREFIX + "<Action>.");
        }
        String target = Optional.ofNullable(targetHeader).orElse("");
        Optional<Actions.Action> action = target.startsWith(Wire.TARGET_PREFIX)
                ? Actions.named(target.substring(Wire.TARGET_PREFIX.length())) : Optional.empty();
        if (action.isEmpty()) {
            return Reply.error(Wire.UNKNOWN_OPERATION, target.isEmpty() ? "The request has no " + Wire.TARGET_HEADER
                    + " header naming an ECS action." : "berth serves no operation " + target + ".");
        }
        Actions.Action a = action.get();
        Object request;
        try {
            String json = new String(body, StandardCharsets.UTF_8);
            request = EcsJson.MAPPER.readValue(json.isBlank() ? "{}" : json, a.requestType());
            if (request == null) request = EcsJson.MAPPER.readValue("{}", a.requestType());
        } catch (JsonProcessingException e) {
            return Reply.error(Wire.SERIALIZATION, "The body of " + a.name() + " " + BodyProblems.describe(e) + ".");
        }
        try {
            return Reply.ok(a.invoke(api, request));
        } catch (EcsException e) {
            return Reply.error(e.errorName(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            log.accept(a.name() + " failed inside berth: " + e);
            return Reply.error(EcsException.SERVER, a.name() + " failed inside berth server (" + e.getClass().getSimpleName()
                    + "); the server's log says more.");
        }
    }

    /** Why {@code verifier} refuses the request, or empty when it lets it in (or there is no verifier). */
    static Optional<Refusal> refusal(Verifier verifier, HttpExchange exchange, byte[] body) {
        if (verifier == null) return Optional.empty();
        return verifier.check(new SignedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
    }

    /** The body, or null when it has more than {@code max} bytes (read no further than that). */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (out.size() + n > max) return null;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
