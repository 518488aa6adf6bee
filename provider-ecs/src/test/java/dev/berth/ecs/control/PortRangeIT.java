package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskCalls.RunTaskResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A containerPortRange through RunTask on the real engine: every port of the range is published on loopback. */
class PortRangeIT extends RealEngineWorld {
    @Test
    void everyPortOfTheRangeIsPublishedAndServes() throws Exception {
        world.register("ranged", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"httpd\",\"image\":"
                + "\"berth-example/busybox:latest\",\"command\":[\"sh\",\"-c\",\"mkdir -p /www && echo ranged > "
                + "/www/i && httpd -f -p 8081 -h /www\"],\"portMappings\":[{\"containerPortRange\":\"8080-8082\"}]}]");
        RunTaskResponse r = world.plane.runTask(new RunTaskRequest(world.clusterName, "ranged", 1, "FARGATE", null,
                null, null, null, null, null, null));
        assertEquals(List.of(), r.failures());
        var bindings = r.tasks().get(0).containers().get(0).networkBindings();
        assertEquals(List.of(8080, 8081, 8082), bindings.stream().map(b -> b.containerPort()).sorted().toList());
        int port = bindings.stream().filter(b -> b.containerPort() == 8081).findFirst().orElseThrow().hostPort();
        HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/i")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("ranged\n", got.body());
    }
}
