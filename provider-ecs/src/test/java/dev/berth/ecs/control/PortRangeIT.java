package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskCalls.RunTaskResponse;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A containerPortRange through RunTask on the real engine: every port of the range is published on loopback. */
class PortRangeIT {
    private DockerRuntime engine;
    private Fixture world;

    @BeforeEach
    void connect() {
        engine = DockerRuntime.connect(null);
        try {
            engine.ping();
        } catch (RuntimeFailure.Unreachable e) {
            engine.close();
            if ("true".equals(System.getenv("CI"))) Assertions.fail("Docker engine required in CI: " + e.getMessage());
            Assumptions.abort("No Docker engine: " + e.getMessage());
        }
        world = new Fixture(new MemoryStore(), engine);
    }

    @AfterEach
    void removeEverything() {
        if (world == null) return;
        try {
            for (ContainerInfo c : engine.listContainers(Map.of(EcsLabels.CLUSTER, world.clusterArn))) {
                engine.removeContainer(c.id());
            }
            engine.removeNetwork("berth-" + world.clusterName);
        } finally {
            engine.close();
        }
    }

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
