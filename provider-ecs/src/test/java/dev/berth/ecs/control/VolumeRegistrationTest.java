package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.control.Plane.assertEcsError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RegisterTaskDefinition with ECS's volumes JSON: kept as given, refused with ECS's words. */
class VolumeRegistrationTest {
    private final Plane p = new Plane();

    private RegisterTaskDefinitionRequest request(List<Map<String, Object>> volumes, Map<String, Object> container,
                                                  List<String> compatibilities) {
        return new RegisterTaskDefinitionRequest("worker", null, null, compatibilities == null ? null : "awsvpc",
                List.of(container), volumes, compatibilities, compatibilities == null ? null : "256",
                "512", null);
    }

    private static Map<String, Object> app(Object... extra) {
        Map<String, Object> c = new java.util.LinkedHashMap<>(Map.of("name", "app", "image", "busybox", "memory", 64));
        for (int i = 0; i < extra.length; i += 2) c.put((String) extra[i], extra[i + 1]);
        return c;
    }

    @Test
    void volumesAndMountPointsAreRegisteredAndDescribedBack() {
        List<Map<String, Object>> volumes = List.of(
                Map.of("name", "conf", "host", Map.of("sourcePath", "/srv/conf")),
                Map.of("name", "data", "dockerVolumeConfiguration", Map.of("scope", "shared", "autoprovision", true,
                        "driver", "local")));
        List<Map<String, Object>> mounts = List.of(
                Map.of("sourceVolume", "conf", "containerPath", "/etc/app", "readOnly", true),
                Map.of("sourceVolume", "data", "containerPath", "/data"));
        p.api.registerTaskDefinition(request(volumes, app("mountPoints", mounts), null));

        TaskDefinition td = p.api.describeTaskDefinition(new DescribeTaskDefinitionRequest("worker", null))
                .taskDefinition();
        assertEquals(volumes, td.volumes());
        assertEquals(mounts, td.containerDefinitions().get(0).get("mountPoints"));
    }

    @Test
    void aMountPointOfNoVolumeIsEcsUnknownVolume() {
        assertEcsError("ClientException", "Unknown volume 'logs'.", () -> p.api.registerTaskDefinition(request(
                List.of(Map.of("name", "data")),
                app("mountPoints", List.of(Map.of("sourceVolume", "logs", "containerPath", "/logs"))), null)));
    }

    @Test
    void volumesFromAnotherTasksContainerIsEcsInvalidVolumesFrom() {
        assertEcsError("ClientException", "Invalid 'volumesFrom' setting. Unknown container: 'db'.",
                () -> p.api.registerTaskDefinition(request(null,
                        app("volumesFrom", List.of(Map.of("sourceContainer", "db"))), null)));
    }

    @Test
    void fargateRefusesASourcePath() {
        assertEcsError("ClientException", "Fargate compatible task definitions do not support sourcePath",
                () -> p.api.registerTaskDefinition(request(List.of(Map.of("name", "conf", "host",
                        Map.of("sourcePath", "/srv"))), app(), List.of("FARGATE"))));
    }
}
