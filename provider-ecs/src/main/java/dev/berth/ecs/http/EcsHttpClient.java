package dev.berth.ecs.http;

import dev.berth.ecs.api.Actions;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.sigv4.Signer;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link EcsApi} as a client of a {@code berth server} (or anything else that speaks ECS's JSON
 * protocol): every method is one POST through {@link Actions}, and an error response comes
 * back as the {@link EcsException} the server's control plane threw, name and message alike.
 * Requests are signed with SigV4 when a {@link Signer} is given (a berth server started with
 * {@code --credentials} refuses unsigned ones), and go unsigned otherwise.
 */
public final class EcsHttpClient {
    /** A create or update returns once its deployment settles, which may take minutes. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(15);
    /** Not an ECS error: botocore's name for an endpoint that does not answer. */
    public static final String CONNECTION_ERROR = "EndpointConnectionError";

    private EcsHttpClient() {
    }

    /** A client of the server at {@code endpoint}, such as {@code http://127.0.0.1:4566}. */
    public static EcsApi connect(String endpoint) {
        return connect(endpoint, null);
    }

    /** As {@link #connect(String)}, each request signed by {@code signer} when it is not null. */
    public static EcsApi connect(String endpoint, Signer signer) {
        URI uri = endpointUri(endpoint);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "EcsHttpClient(" + uri + ")";
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            return call(http, uri, signer, Actions.of(method), args[0]);
        };
        return (EcsApi) Proxy.newProxyInstance(EcsApi.class.getClassLoader(), new Class<?>[]{EcsApi.class}, handler);
    }

    private static Object call(HttpClient http, URI uri, Signer signer, Actions.Action action, Object request) {
        byte[] body = EcsJson.write(request).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Wire.CONTENT_TYPE);
        headers.put(Wire.TARGET_HEADER, Wire.TARGET_PREFIX + action.name());
        HttpRequest.Builder post = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(post::header);
        if (signer != null) {
            // Java's client sends Host as the URI's authority; the signature covers that same value.
            Map<String, String> signed = new LinkedHashMap<>(headers);
            signed.put("Host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
            signer.sign("POST", uri.getPath(), uri.getRawQuery(), signed, body, Instant.now()).forEach(post::header);
        }
        return send(http, uri, action, post.build());
    }

    private static Object send(HttpClient http, URI uri, Actions.Action action, HttpRequest post) {
        HttpResponse<String> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new EcsException(CONNECTION_ERROR, "Could not connect to the endpoint URL: \"" + uri
                    + "\" (is berth server running there?).");
        } catch (IOException e) {
            throw new EcsException(CONNECTION_ERROR, "The connection to " + uri + " failed during " + action.name()
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EcsException(CONNECTION_ERROR, action.name() + " to " + uri + " was interrupted.");
        }
        if (response.statusCode() / 100 != 2) {
            throw Wire.errorOf(response.statusCode(), response.headers().map(), response.body());
        }
        return EcsJson.read(response.body(), action.responseType());
    }

    static URI endpointUri(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw EcsException.invalidParameter("The endpoint \"" + endpoint
                    + "\" is not an http:// or https:// URL, such as http://127.0.0.1:4566.");
        }
        return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri;
    }
}
