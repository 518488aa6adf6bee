package dev.berth.ecs.taskdef;

import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.taskDef;
import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The volume rules as plan reports them: on the task's {@code volume} blocks (spelt as
 * terraform-provider-aws spells them) and on the containers' mount points, JSON or blocks.
 */
class VolumeChecksTest {

    private static List<String> errors(MapValue config) {
        return TaskDefinitionValidator.validate(config).stream().filter(ProviderDiagnostic::isError)
                .map(d -> d.summary() + " @ " + d.path()).toList();
    }

    private static MapValue volume(Object... attrs) {
        return obj(attrs);
    }

    private static MapValue dockerConfig(String scope, Boolean autoprovision) {
        return obj("scope", scope, "autoprovision", autoprovision, "driver", null, "driver_opts", null, "labels", null);
    }

    @Test
    void jsonMountPointsAreCheckedAgainstTheVolumeBlocks() {
        String json = """
                [{"name":"app","image":"busybox","memory":64,
                  "mountPoints":[{"sourceVolume":"data","containerPath":"/data"},
                                 {"sourceVolume":"logs","containerPath":"/logs","readOnly":true}]}]""";
        MapValue config = taskDef("container_definitions", json,
                "volume", blocks(volume("name", "data", "host_path", "/srv/data")));
        assertEquals(List.of("Unknown volume 'logs'. @ [container_definitions]"), errors(config));
    }

    @Test
    void blocksWithVolumesMountPointsAndVolumesFromPass() {
        MapValue config = taskDef("memory", "512",
                "volume", blocks(volume("name", "data", "docker_volume_configuration",
                        blocks(dockerConfig("shared", true)))),
                "container", blocks(
                        container("name", "app", "image", "busybox",
                                "mount_points", blocks(obj("source_volume", "data", "container_path", "/data",
                                        "read_only", false))),
                        container("name", "side", "image", "busybox",
                                "volumes_from", blocks(obj("source_container", "app", "read_only", true)))));
        assertEquals(List.of(), errors(config));
    }

    @Test
    void eachProblemPointsAtItsBlock() {
        MapValue config = taskDef("memory", "512", "network_mode", "awsvpc", "cpu", "256",
                "requires_compatibilities", List.of("FARGATE"),
                "volume", blocks(volume("name", "conf", "host_path", "/etc/app"), volume("name", "conf")),
                "container", blocks(
                        container("name", "app", "image", "busybox"),
                        container("name", "side", "image", "busybox",
                                "volumes_from", blocks(obj("source_container", "db", "read_only", null)))));
        assertEquals(List.of(
                "Fargate compatible task definitions do not support sourcePath @ [volume, 0]",
                "Duplicate volume name 'conf': volume names must be unique within a task definition. @ [volume, 1]",
                "Invalid 'volumesFrom' setting. Unknown container: 'db'. @ [container, 1, volumes_from]"),
                errors(config));
    }

    @Test
    void taskScopeWithAutoprovisionFalseIsEcsError() {
        MapValue config = taskDef("memory", "512",
                "volume", blocks(volume("name", "d", "docker_volume_configuration", blocks(dockerConfig("task", false)))),
                "container", blocks(container("name", "app", "image", "busybox")));
        assertEquals(List.of("When 'scope' parameter is 'task', 'autoprovision' must either not be specified or set "
                + "to 'True'. @ [volume, 0]"), errors(config));
    }
}
