package dev.berth.ecs.http;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.ClusterCalls.CreateClusterResponse;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.ServiceEvent;
import dev.berth.ecs.api.Shapes.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server and the client over a real loopback socket, with a scripted API behind them. */
class EcsHttpServerTest {
    private final ScriptedApi scripted = new ScriptedApi();
    private final List<String> log = new ArrayList<>();
    private final EcsHttpServer server = EcsHttpServer.start(new InetSocketAddress("127.0.0.1", 0), scripted.api(),
            line -> {
                synchronized (log) {
                    log.add(line);
                }
            });
    private final EcsApi client = EcsHttpClient.connect(server.endpoint());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRequestTravelsAsItsRecordAndTheResponseComesBackWhole() {
        scripted.on("CreateCluster", (CreateClusterRequest r) -> new CreateClusterResponse(new Cluster(
                "arn:aws:ecs:local:000000000000:cluster/" + r.clusterName(), r.clusterName(), "ACTIVE", 0, 0, 0, 0,
                List.of(), r.tags(), List.of())));
        CreateClusterResponse out = client.createCluster(new CreateClusterRequest("web", List.of(new Tag("team", "a")), null));
        assertEquals("arn:aws:ecs:local:000000000000:cluster/web", out.cluster().clusterArn());
        assertEquals(List.of(new Tag("team", "a")), out.cluster().tags());
        assertEquals(new CreateClusterRequest("web", List.of(new Tag("team", "a")), null), scripted.received.get(0));
    }

    /**
     * Changes waiting for their turn hold no request thread: with every thread of the old single
     * pool taken by a queued CreateCluster, a ListClusters waited for all of them.
     */
    @Test
    void aReadIsAnsweredWhileMoreChangesWaitThanTheServerHasThreads() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
        scripted.on("CreateCluster", (CreateClusterRequest r) -> {
            waiting.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new CreateClusterResponse(null);
        });
        scripted.on("ListClusters", r -> new dev.berth.ecs.api.ClusterCalls.ListClustersResponse(List.of("a"), null));
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<?>> changes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "c" + i;
                changes.add(callers.submit(() -> client.createCluster(new CreateClusterRequest(name, null, null))));
            }
            long until = System.nanoTime() + 10_000_000_000L;
            while (waiting.get() < 8 && System.nanoTime() < until) Thread.sleep(10);
            assertTrue(waiting.get() >= 8, "the changes arrived: " + waiting.get());
            java.util.concurrent.CompletableFuture<List<String>> read = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> client.listClusters(new dev.berth.ecs.api.ClusterCalls.ListClustersRequest(null, null)).clusterArns());
            assertEquals(List.of("a"), read.get(10, java.util.concurrent.TimeUnit.SECONDS),
                    "answered while the changes still wait");
            release.countDown();
            for (java.util.concurrent.Future<?> f : changes) f.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void anEcsErrorComesBackWithItsNameAndMessage() {
        scripted.on("DescribeClusters", r -> {
            throw EcsException.clusterNotFound();
        });
        EcsException e = assertThrows(EcsException.class,
                () -> client.describeClusters(new DescribeClustersRequest(List.of("nope"), null)));
        assertEquals("ClusterNotFoundException", e.errorName());
        assertEquals("Cluster not found.", e.getMessage());
    }

    @Test
    void errorsAreSentAsTheJsonProtocolSendsThem() throws Exception {
        scripted.on("DeleteCluster", r -> {
            throw EcsException.clusterNotFound();
        });
        HttpResponse<String> r = post("AmazonEC2ContainerServiceV20141113.DeleteCluster", "{\"cluster\":\"x\"}");
        assertEquals(400, r.statusCode());
        assertEquals("{\"__type\":\"ClusterNotFoundException\",\"message\":\"Cluster not found.\"}", r.body());
        assertEquals("ClusterNotFoundException", r.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals("application/x-amz-json-1.1", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.headers().firstValue("x-amzn-RequestId").isPresent());
    }

    /** The server's own time over a request, so a client can tell it from the wait for threads and the network. */
    @Test
    void anAnswerSaysHowLongTheServerTookOverIt() throws Exception {
        scripted.on("DeleteCluster", r -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw EcsException.clusterNotFound();
        });
        HttpResponse<String> r = post("AmazonEC2ContainerServiceV20141113.DeleteCluster", "{\"cluster\":\"x\"}");
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        assertTrue(timing.matches("berth;dur=\\d+\\.\\d{3}"), timing);
        double millis = Double.parseDouble(timing.substring("berth;dur=".length()));
        assertTrue(millis >= 30 && millis < 10_000, timing);
    }

    @Test
    void requestIdsAreRandomVersion4UuidsAsEcsSendsThem() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ActionHandler.requestId();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertEquals(id, uuid.toString());
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant(), "RFC 4122's variant");
            assertTrue(seen.add(id), "no id twice");
        }
    }

    @Test
    void anUnknownActionIsUnknownOperationException() throws Exception {
        HttpResponse<String> r = post("AmazonEC2ContainerServiceV20141113.CreateCapacityProvider", "{}");
        assertEquals(400, r.statusCode());
        assertEquals("UnknownOperationException", Wire.errorOf(r.statusCode(), r.headers().map(), r.body()).errorName());
        HttpResponse<String> noTarget = post(null, "{}");
        assertEquals("UnknownOperationException", Wire.errorOf(400, noTarget.headers().map(), noTarget.body()).errorName());
        assertTrue(scripted.received.isEmpty());
    }

    @Test
    void malformedJsonIsSerializationExceptionAndReachesNoAction() throws Exception {
        scripted.on("CreateCluster", r -> new CreateClusterResponse(null));
        for (String body : List.of("{\"clusterName\": [", "{\"tags\": 5}", "[1,2]")) {
            HttpResponse<String> r = post("AmazonEC2ContainerServiceV20141113.CreateCluster", body);
            assertEquals(400, r.statusCode(), body);
            EcsException e = Wire.errorOf(r.statusCode(), r.headers().map(), r.body());
            assertEquals("SerializationException", e.errorName(), body);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(scripted.received.isEmpty());
    }

    @Test
    void anEmptyBodyIsAnEmptyRequest() throws Exception {
        scripted.on("ListClusters", r -> new dev.berth.ecs.api.ClusterCalls.ListClustersResponse(List.of(), null));
        HttpResponse<String> r = post("AmazonEC2ContainerServiceV20141113.ListClusters", "");
        assertEquals(200, r.statusCode());
        assertEquals("{\"clusterArns\":[]}", r.body());
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeAnyAction() throws Exception {
        scripted.on("CreateCluster", r -> new CreateClusterResponse(null));
        String big = "{\"clusterName\":\"" + "x".repeat(EcsHttpServer.MAX_BODY) + "\"}";
        HttpResponse<String> r = post("AmazonEC2ContainerServiceV20141113.CreateCluster", big);
        assertEquals(413, r.statusCode());
        assertEquals("RequestEntityTooLargeException", Wire.errorOf(413, r.headers().map(), r.body()).errorName());
        assertTrue(scripted.received.isEmpty());
    }

    @Test
    void anUnexpectedFailureIsServerExceptionInOneSentenceAndLoggedWithoutAStackTrace() throws Exception {
        scripted.on("ListClusters", r -> {
            throw new IllegalStateException("row 7 of clusters is not JSON");
        });
        HttpResponse<String> r = post("AmazonEC2ContainerServiceV20141113.ListClusters", "{}");
        assertEquals(500, r.statusCode());
        EcsException e = Wire.errorOf(500, r.headers().map(), r.body());
        assertEquals("ServerException", e.errorName());
        assertEquals("ListClusters failed inside berth server (IllegalStateException); the server's log says more.", e.getMessage());
        assertFalse(r.body().contains("at dev.berth"), r.body());
        assertEquals(List.of("ListClusters failed inside berth: java.lang.IllegalStateException: row 7 of clusters is not JSON"), log);
    }

    @Test
    void timestampsTravelAsEpochSeconds() {
        Instant at = Instant.parse("2026-12-03T10:00:00.500Z");
        scripted.on("ListClusters", r -> new dev.berth.ecs.api.ClusterCalls.ListClustersResponse(List.of(at.toString()), null));
        assertEquals(List.of(at.toString()), client.listClusters(new dev.berth.ecs.api.ClusterCalls.ListClustersRequest(null, null)).clusterArns());
        assertEquals("{\"id\":\"e\",\"createdAt\":1796292000.500}", dev.berth.ecs.api.EcsJson.write(new ServiceEvent("e", at, null)));
    }

    @Test
    void aServerThatDoesNotAnswerIsOneSentenceNamingTheEndpoint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EcsApi nowhere = EcsHttpClient.connect("http://127.0.0.1:" + port);
        EcsException e = assertThrows(EcsException.class, () -> nowhere.listClusters(
                new dev.berth.ecs.api.ClusterCalls.ListClustersRequest(null, null)));
        assertEquals(EcsHttpClient.CONNECTION_ERROR, e.errorName());
        assertEquals("Could not connect to the endpoint URL: \"http://127.0.0.1:" + port
                + "/\" (is berth server running there?).", e.getMessage());
    }

    @Test
    void anEndpointThatIsNotAUrlIsRefusedAtOnce() {
        EcsException e = assertThrows(EcsException.class, () -> EcsHttpClient.connect("127.0.0.1:4566"));
        assertEquals("InvalidParameterException", e.errorName());
    }

    @Test
    void listenTakesHostAndPort() {
        assertEquals(new InetSocketAddress("127.0.0.1", 4566), EcsHttpServer.parseListen("127.0.0.1:4566"));
        assertEquals(new InetSocketAddress("127.0.0.1", 9000), EcsHttpServer.parseListen(":9000"));
        assertEquals(new InetSocketAddress("::1", 80), EcsHttpServer.parseListen("[::1]:80"));
        assertThrows(IllegalArgumentException.class, () -> EcsHttpServer.parseListen("4566"));
        assertThrows(IllegalArgumentException.class, () -> EcsHttpServer.parseListen("127.0.0.1:99999"));
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) b.header("X-Amz-Target", target);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
