package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.tls.Pem;
import dev.berth.ecs.tls.TlsContexts;
import dev.berth.ecs.tls.TlsMaterial;

import javax.net.ssl.SSLContext;

import java.net.URI;
import java.time.Duration;

/**
 * Where the engine is and a client to reach it. Keeps the endpoint's origin ("DOCKER_HOST",
 * "default", "configured") so error sentences can tell the user which setting to fix.
 */
final class DockerConnection {
    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    // Short connect timeout so a dead engine fails in seconds. The response timeout only has to
    // cover the slowest single request we make: stops are done with signals and polling (see
    // TaskStopper), so no request waits for a grace period and 30 s is ample even under load.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    // The apply walker runs up to 10 tasks at once; leave room for its concurrent requests.
    private static final int MAX_CONNECTIONS = 32;

    private final String endpoint;
    private final String origin;
    private final DockerClient client;
    private final DockerHttpClient http;
    private final boolean tls;

    private DockerConnection(String endpoint, String origin, DockerClient client, DockerHttpClient http, boolean tls) {
        this.endpoint = endpoint;
        this.origin = origin;
        this.client = client;
        this.http = http;
        this.tls = tls;
    }

    static DockerConnection open(String dockerHost) {
        return open(dockerHost, null, RESPONSE_TIMEOUT);
    }

    /**
     * {@code tls} (null: none) makes it mutual TLS over {@code tcp://}: https, the engine's
     * certificate checked against the given CA and the host name, the client's presented.
     * {@code responseTimeout} also bounds the handshake, so a port that never answers fails.
     */
    static DockerConnection open(String dockerHost, TlsMaterial tls, Duration responseTimeout) {
        String endpoint;
        String origin;
        if (dockerHost != null && !dockerHost.isBlank()) {
            endpoint = dockerHost.trim();
            origin = "configured";
        } else {
            String env = System.getenv("DOCKER_HOST");
            if (env != null && !env.isBlank()) {
                endpoint = env.trim();
                origin = "DOCKER_HOST";
            } else {
                endpoint = DEFAULT_HOST;
                origin = "default";
            }
        }
        URI uri = parse(endpoint, origin);
        if (tls != null && !"tcp".equals(uri.getScheme())) {
            throw new RuntimeFailure("TLS certificates are for tcp://host:port engines, not " + endpoint + ".", null);
        }
        // docker-java's own TLS settings read certificates with BouncyCastle, which berth leaves
        // out; the SSL context is built from the PEM text with the JDK instead (TlsContexts).
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(uri.toString())
                .withDockerTlsVerify(false)
                .build();
        ApacheDockerHttpClient.Builder builder = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(responseTimeout);
        if (tls != null) {
            SSLContext context;
            try {
                context = TlsContexts.of(tls, responseTimeout);
            } catch (Pem.PemException e) {
                throw new RuntimeFailure("TLS material for " + endpoint + " is not usable: " + e.getMessage() + ".", null);
            }
            builder.sslConfig(() -> context);
        }
        ApacheDockerHttpClient http = builder.build();
        return new DockerConnection(endpoint, origin, DockerClientImpl.getInstance(config, http), http, tls != null);
    }

    /** Whether this connection speaks TLS, for error sentences. */
    boolean tls() {
        return tls;
    }

    private static URI parse(String endpoint, String origin) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new RuntimeFailure("Docker host \"" + endpoint + "\" (" + origin
                    + ") is not a valid address; use unix:///path/to/docker.sock or tcp://host:port.", e);
        }
        String scheme = uri.getScheme();
        if ("unix".equals(scheme) && uri.getPath() != null && !uri.getPath().isEmpty()) {
            return uri;
        }
        if ("tcp".equals(scheme) && uri.getHost() != null && uri.getPort() > 0) {
            return uri;
        }
        throw new RuntimeFailure("Docker host \"" + endpoint + "\" (" + origin
                + ") is not supported; use unix:///path/to/docker.sock or tcp://host:port.", null);
    }

    String endpoint() {
        return endpoint;
    }

    /** Where the endpoint came from, for error sentences. */
    String origin() {
        return origin;
    }

    DockerClient client() {
        return client;
    }

    /** The raw transport, for the few fields docker-java's models leave out. */
    DockerHttpClient http() {
        return http;
    }

    void close() {
        try {
            client.close();
        } catch (java.io.IOException | RuntimeException e) {
            // Closing only releases pooled sockets; there is nothing a caller could do about it.
        }
    }
}
