package dev.berth.ecs.http;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersRequest;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersResponse;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.console.TaskLogs;
import dev.berth.ecs.sigv4.AccessKey;
import dev.berth.ecs.sigv4.Signer;
import dev.berth.ecs.sigv4.Verifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A server with credentials over a real loopback socket: berth's own client signs, others are refused. */
class SignedServerTest {
    private final ScriptedApi scripted = new ScriptedApi();
    private final EcsHttpServer server = EcsHttpServer.start(new InetSocketAddress("127.0.0.1", 0), scripted.api(),
            TaskLogs.NONE, new Verifier(Map.of("AKIDALICE", "alice-secret"), "ecs", Clock.systemUTC()), line -> { });

    @AfterEach
    void stop() {
        server.close();
    }

    private EcsApi client(AccessKey key) {
        return EcsHttpClient.connect(server.endpoint(), key == null ? null : new Signer(key, "us-east-1", "ecs"));
    }

    @Test
    void aClientSigningWithAKnownKeyIsServed() {
        scripted.on("DescribeClusters", r -> new DescribeClustersResponse(List.of(new Cluster("arn:c", "web", "ACTIVE", 0, 0,
                0, 0, List.of(), List.of(), List.of())), List.of()));
        assertEquals("web", client(new AccessKey("AKIDALICE", "alice-secret"))
                .describeClusters(new DescribeClustersRequest(List.of("web"), null)).clusters().get(0).clusterName());
    }

    @Test
    void unsignedUnknownAndBadlySignedRequestsAreRefusedBeforeTheApiIsCalled() {
        DescribeClustersRequest r = new DescribeClustersRequest(List.of("web"), null);
        assertEquals("MissingAuthenticationTokenException",
                assertThrows(EcsException.class, () -> client(null).describeClusters(r)).errorName());
        assertEquals("UnrecognizedClientException", assertThrows(EcsException.class,
                () -> client(new AccessKey("AKIDMALLORY", "alice-secret")).describeClusters(r)).errorName());
        assertEquals("InvalidSignatureException", assertThrows(EcsException.class,
                () -> client(new AccessKey("AKIDALICE", "guess")).describeClusters(r)).errorName());
        assertEquals(List.of(), scripted.received);
    }

    @Test
    void theConsoleIsClosedToo() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertEquals("{\"__type\":\"MissingAuthenticationTokenException\",\"message\":\"Missing Authentication Token\"}", r.body());
    }
}
