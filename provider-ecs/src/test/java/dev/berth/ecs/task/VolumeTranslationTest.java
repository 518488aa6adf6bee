package dev.berth.ecs.task;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.VolumeLaunch;
import dev.berth.ecs.store.TaskDefinitionRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A registered revision's volumes and mounts, as the runtime receives them. */
class VolumeTranslationTest {
    private static final String CONTAINERS = """
            [{"name":"reader","image":"busybox","memory":64,"essential":true,
              "volumesFrom":[{"sourceContainer":"writer","readOnly":true}]},
             {"name":"writer","image":"busybox","memory":64,"essential":true,
              "mountPoints":[{"sourceVolume":"data","containerPath":"/data"},
                             {"sourceVolume":"conf","containerPath":"/etc/app","readOnly":true}]},
             {"name":"other","image":"busybox","memory":64,"essential":true}]""";
    private static final String VOLUMES = """
            {"volumes":[{"name":"conf","host":{"sourcePath":"/srv/conf"}},
                        {"name":"scratch","host":{}},
                        {"name":"data","dockerVolumeConfiguration":{"scope":"shared","autoprovision":true,
                         "driver":"local","driverOpts":{"type":"tmpfs"},"labels":{"team":"a"}}},
                        {"name":"cache","dockerVolumeConfiguration":{"scope":"task"}}]}""";

    private static TaskLaunch launch() {
        TaskDefinitionRow row = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/w:1", "w", 1,
                "ACTIVE", null, null, "bridge", null, null, null, CONTAINERS, null, VOLUMES);
        return LaunchTranslator.launch("arn:aws:ecs:local:000000000000:task/c/abc", "net", row, Map.of());
    }

    @Test
    void everyKindOfVolumeBecomesWhatTheRuntimeProvides() {
        assertEquals(List.of(
                VolumeLaunch.bind("conf", "/srv/conf"),
                VolumeLaunch.empty("scratch"),
                new VolumeLaunch("data", VolumeLaunch.Kind.SHARED, null, "local", Map.of("type", "tmpfs"),
                        Map.of("team", "a"), true),
                new VolumeLaunch("cache", VolumeLaunch.Kind.TASK, null, "local", Map.of(), Map.of(), false)),
                launch().volumes());
    }

    @Test
    void aVolumesFromSourceIsCreatedBeforeTheContainerThatTakesItsVolumes() {
        TaskLaunch t = launch();
        assertEquals(List.of("writer", "reader", "other"), t.containers().stream().map(ContainerLaunch::name).toList());
        ContainerLaunch writer = t.containers().get(0), reader = t.containers().get(1);
        assertEquals(2, writer.volumes().mounts().size());
        assertEquals("conf", writer.volumes().mounts().get(1).volume());
        assertEquals(true, writer.volumes().mounts().get(1).readOnly());
        assertEquals(false, writer.volumes().mounts().get(0).readOnly());
        assertEquals("writer", reader.volumes().volumesFrom().get(0).container());
        assertEquals(true, reader.volumes().volumesFrom().get(0).readOnly());
    }
}
