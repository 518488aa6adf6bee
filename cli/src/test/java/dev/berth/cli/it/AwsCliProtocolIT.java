package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.ClusterCalls.CreateClusterResponse;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.http.EcsHttpServer;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesResponse;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.ServiceEvent;
import dev.berth.ecs.api.Shapes.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocol as the real AWS CLI sees it: its requests reach the right action with their
 * fields, its output has the response's fields and timestamps, and errors print as against
 * AWS. The control plane behind is scripted; the control plane itself is tested elsewhere.
 */
class AwsCliProtocolIT {
    private final Scripted scripted = new Scripted();
    private final EcsHttpServer server = EcsHttpServer.start(new InetSocketAddress("127.0.0.1", 0), scripted.api(),
            line -> { });
    private final AwsCli aws = new AwsCli(server.endpoint());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRequestReachesItsActionAndTheResponseIsWhatTheCliPrints() throws Exception {
        scripted.on("CreateCluster", (CreateClusterRequest r) -> new CreateClusterResponse(new Cluster(
                "arn:aws:ecs:local:000000000000:cluster/" + r.clusterName(), r.clusterName(), "ACTIVE", 0, 0, 0, 0,
                null, r.tags(), null)));
        AwsCli.Result r = aws.ecs("create-cluster", "--cluster-name", "web", "--tags", "key=team,value=blue");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(new CreateClusterRequest("web", List.of(new Tag("team", "blue")), null), scripted.received.get(0));
        JsonNode cluster = EcsJson.MAPPER.readTree(r.stdout()).get("cluster");
        assertEquals("arn:aws:ecs:local:000000000000:cluster/web", cluster.get("clusterArn").asText());
        assertEquals("ACTIVE", cluster.get("status").asText());
    }

    @Test
    void timestampsAreReadByTheCli() throws Exception {
        Instant at = Instant.parse("2026-12-03T10:15:30.250Z");
        scripted.on("DescribeServices", (DescribeServicesRequest r) -> new DescribeServicesResponse(List.of(new Service(
                "arn:aws:ecs:local:000000000000:service/web/api", "api", "arn:aws:ecs:local:000000000000:cluster/web",
                "ACTIVE", 2, 2, 0, "FARGATE", null, null, null,
                List.of(new ServiceEvent("e1", at, "(service api) has reached a steady state.")), at, null, null,
                "REPLICA", null, null)), List.of()));
        AwsCli.Result r = aws.ecs("describe-services", "--cluster", "web", "--services", "api");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode service = EcsJson.MAPPER.readTree(r.stdout()).get("services").get(0);
        // AWS CLI v1 prints timestamps as it got them (epoch seconds), v2 as ISO 8601.
        JsonNode created = service.get("createdAt");
        assertTrue(created.isNumber() ? created.decimalValue().compareTo(new java.math.BigDecimal("1796292930.25")) == 0
                : created.asText().startsWith("2026-12-03T10:15:30.25"), service.toString());
        assertEquals("(service api) has reached a steady state.", service.get("events").get(0).get("message").asText());
        assertEquals(new DescribeServicesRequest("web", List.of("api"), null), scripted.received.get(0));
    }

    @Test
    void anEcsErrorPrintsAsAgainstAws() throws Exception {
        scripted.on("DescribeClusters", r -> {
            throw EcsException.clusterNotFound();
        });
        AwsCli.Result r = aws.ecs("describe-clusters", "--clusters", "nope");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("An error occurred (ClusterNotFoundException) when calling the DescribeClusters "
                + "operation: Cluster not found."), r.stderr());
    }

    @Test
    void anUnexpectedFailureIsAServerExceptionWithoutAStackTrace() throws Exception {
        scripted.on("ListClusters", r -> {
            throw new NullPointerException("clusters");
        });
        AwsCli.Result r = aws.ecs("list-clusters");
        assertNotEquals(0, r.exitCode());
        // botocore adds "(reached max retries: N)" after the operation for a fault it may retry.
        assertTrue(r.stderr().contains("An error occurred (ServerException) when calling the ListClusters operation"), r.stderr());
        assertTrue(r.stderr().contains(": ListClusters failed inside berth server (NullPointerException); the server's log "
                + "says more."), r.stderr());
        assertFalse(r.stderr().contains("dev.berth"), r.stderr());
    }

    /** An EcsApi whose actions each test scripts, recording what it received. */
    private static final class Scripted {
        final java.util.Map<String, java.util.function.Function<Object, Object>> actions = new java.util.concurrent.ConcurrentHashMap<>();
        final List<Object> received = new java.util.concurrent.CopyOnWriteArrayList<>();

        @SuppressWarnings("unchecked")
        <Q> void on(String action, java.util.function.Function<Q, Object> answer) {
            actions.put(action, r -> answer.apply((Q) r));
        }

        dev.berth.ecs.api.EcsApi api() {
            return (dev.berth.ecs.api.EcsApi) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{dev.berth.ecs.api.EcsApi.class}, (proxy, method, args) -> {
                        String name = dev.berth.ecs.api.Actions.of(method).name();
                        received.add(args[0]);
                        java.util.function.Function<Object, Object> answer = actions.get(name);
                        if (answer == null) throw new EcsException(EcsException.UNSUPPORTED_FEATURE, name + " is not scripted.");
                        return answer.apply(args[0]);
                    });
        }
    }
}
