package dev.berth.ecs.http;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersResponse;
import dev.berth.ecs.api.ClusterCalls.ListClustersResponse;
import dev.berth.ecs.api.InstanceCalls.ListContainerInstancesResponse;
import dev.berth.ecs.api.ServiceCalls.ListServicesResponse;
import dev.berth.ecs.api.TaskCalls.ListTasksResponse;
import dev.berth.ecs.api.TaskDefinitionCalls.ListTaskDefinitionFamiliesResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's GET side of berth server over a real socket: the page, the picture, read-only calls only. */
class ConsoleHttpTest {
    private static final String ARN = "arn:aws:ecs:local:000000000000:cluster/demo";
    private final ScriptedApi scripted = new ScriptedApi()
            .on("ListClusters", r -> new ListClustersResponse(List.of(ARN), null))
            .on("DescribeClusters", r -> new DescribeClustersResponse(List.of(new Cluster(ARN, "demo", "ACTIVE", 0, 0, 0,
                    0, null, null, null)), List.of()))
            .on("ListContainerInstances", r -> new ListContainerInstancesResponse(List.of(), null))
            .on("ListServices", r -> new ListServicesResponse(List.of(), null))
            .on("ListTasks", r -> new ListTasksResponse(List.of(), null))
            .on("ListTaskDefinitionFamilies", r -> new ListTaskDefinitionFamiliesResponse(List.of(), null));
    private final EcsHttpServer server = EcsHttpServer.start(new InetSocketAddress("127.0.0.1", 0), scripted.api(), line -> { });
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.endpoint() + path)).GET();
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsScriptComeFromTheJarAndMayLoadNothingFromElsewhere() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script src=\"/console.js\"></script>"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        HttpResponse<String> js = get("/console.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.body().contains("/console/api/world"));
        assertEquals(200, get("/console.css").statusCode());
        assertEquals(404, get("/etc/passwd").statusCode());
    }

    @Test
    void thePictureIsJsonAnUnchangedOneIs304AndOnlyListAndDescribeActionsAreCalled() throws Exception {
        HttpResponse<String> world = get("/console/api/world");
        assertEquals(200, world.statusCode());
        assertTrue(world.body().contains("\"clusterName\":\"demo\""), world.body());
        String tag = world.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/console/api/world", "If-None-Match", tag).statusCode());
        assertTrue(scripted.received.size() >= 6, scripted.received.toString());
        for (Object request : scripted.received) {
            String name = request.getClass().getSimpleName();
            assertTrue(name.startsWith("List") || name.startsWith("Describe"), "the console called " + name);
        }
    }

    @Test
    void aLogTailWithoutATaskIsAClientError() throws Exception {
        HttpResponse<String> r = get("/console/api/logs?cluster=demo");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("InvalidParameterException"), r.body());
    }
}
