package dev.berth.ecs.task.firelens;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerLifecycle;
import dev.berth.ecs.runtime.ContainerVolumes;
import dev.berth.ecs.runtime.FirelensLaunch;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.VolumeLaunch;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.task.LaunchTranslator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A task definition with a router, translated into its launch as ECS's agent wires FireLens. */
class FirelensWiringTest {
    private static final String TASK = "arn:aws:ecs:local:000000000000:task/main/0f1e2d3c4b5a";

    private static TaskLaunch launch(String mode, String containers) {
        TaskDefinitionRow row = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/web:4", "web", 4,
                "ACTIVE", null, null, mode, null, null, null, containers, null, null);
        return LaunchTranslator.launch(TASK, "net", row, Map.of("dev.berth.cluster",
                "arn:aws:ecs:local:000000000000:cluster/main"));
    }

    private static ContainerLaunch named(TaskLaunch t, String name) {
        return t.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static final String ROUTED = """
            [{"name":"log_router","image":"router","memoryReservation":64,
              "firelensConfiguration":{"type":"fluentbit"},
              "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"fl","awslogs-create-group":"true"}}},
             {"name":"app","image":"busybox","environment":[{"name":"A","value":"1"}],
              "logConfiguration":{"logDriver":"awsfirelens","options":{"Name":"datadog","log-driver-buffer-limit":"2048"},
                "secretOptions":[{"name":"apikey","valueFrom":"dd-key"}]}},
             {"name":"plain","image":"busybox"}]""";

    @Test
    void theRoutedContainerGetsDockersFluentdDriverWithTheAgentsTagAndOptions() {
        TaskLaunch t = launch("awsvpc", ROUTED);
        ContainerLaunch app = named(t, "app");
        assertEquals("fluentd", app.log().dockerDriver());
        assertEquals(Map.of("tag", "app-firelens-0f1e2d3c4b5a", "fluentd-sub-second-precision", "true",
                "fluentd-async", "true", "fluentd-buffer-limit", "2048"), app.log().dockerOptions());
        assertEquals(false, app.log().kept());
        assertEquals("127.0.0.1", app.environment().get("FLUENT_HOST"));
        assertEquals("24224", app.environment().get("FLUENT_PORT"));
        assertEquals("1", app.environment().get("A"));
        assertEquals(List.of(new ContainerLifecycle.Dependency("log_router", ContainerLifecycle.Condition.START)),
                app.lifecycle().dependsOn());
        ContainerLaunch plain = named(t, "plain");
        assertNull(plain.log());
        assertEquals(List.of(), plain.lifecycle().dependsOn());
    }

    @Test
    void theRouterMountsTheSocketVolumeGetsTheSecretAndKeepsItsOwnLogs() {
        TaskLaunch t = launch("awsvpc", ROUTED);
        ContainerLaunch router = named(t, "log_router");
        assertEquals(List.of(new ContainerVolumes.Mount(FirelensWiring.SOCKET_VOLUME, "/var/run", false)),
                router.volumes().mounts());
        assertEquals(Map.of("apikey_1", "dd-key"), router.secrets(), "named <option>_<container index>, as the agent");
        assertEquals("fl", router.log().group(), "the router's own awslogs configuration applies to it");
        assertTrue(t.volumes().contains(VolumeLaunch.empty(FirelensWiring.SOCKET_VOLUME)));
        FirelensLaunch f = t.firelens();
        assertEquals("log_router", f.router());
        assertEquals(Set.of("app"), f.routed());
        assertEquals("/fluent-bit/etc/fluent-bit.conf", f.configPath());
        assertTrue(f.config().contains("\n[OUTPUT]\n    Name datadog\n    Match app-firelens*\n    apikey ${apikey_1}\n"),
                f.config());
        assertTrue(f.config().contains("Mem_Buf_Limit 32MB"), f.config());
        assertTrue(f.config().contains("Record ecs_cluster main\n"), f.config());
        assertTrue(f.config().contains("Record ecs_task_definition web:4\n"), f.config());
    }

    @Test
    void inBridgeModeTheHostIsTheRoutersNameAndAFluentdRouterRunsAsRoot() {
        TaskLaunch t = launch("bridge", """
                [{"name":"router","image":"fluentd","firelensConfiguration":{"type":"fluentd"}},
                 {"name":"app","image":"busybox","logConfiguration":{"logDriver":"awsfirelens",
                   "options":{"@type":"stdout"}},
                  "dependsOn":[{"containerName":"router","condition":"HEALTHY"}]}]""");
        ContainerLaunch app = named(t, "app");
        assertEquals("router", app.environment().get("FLUENT_HOST"));
        assertEquals(List.of(new ContainerLifecycle.Dependency("router", ContainerLifecycle.Condition.HEALTHY)),
                app.lifecycle().dependsOn(), "a container that already waits for the router keeps its condition");
        assertEquals("0", named(t, "router").environment().get("FLUENT_UID"));
        assertEquals("/fluentd/etc/fluent.conf", t.firelens().configPath());
        assertTrue(t.firelens().config().contains("<match app-firelens**>\n    @type stdout\n</match>"));
    }

    @Test
    void aRouterThatWaitsForOthersGetsNoDependents() {
        TaskLaunch t = launch("awsvpc", """
                [{"name":"init","image":"busybox","essential":false},
                 {"name":"router","image":"r","firelensConfiguration":{"type":"fluentbit"},
                  "dependsOn":[{"containerName":"init","condition":"SUCCESS"}]},
                 {"name":"app","image":"busybox","logConfiguration":{"logDriver":"awsfirelens"}}]""");
        assertEquals(List.of(), named(t, "app").lifecycle().dependsOn());
        assertEquals("fluentd", named(t, "app").log().dockerDriver());
    }

    @Test
    void plugInOptionsWithoutThePluginsNameFailTheStartInTheAgentsWords() {
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> launch("bridge", """
                [{"name":"router","image":"r","firelensConfiguration":{"type":"fluentbit"}},
                 {"name":"logsender","image":"busybox","logConfiguration":{"logDriver":"awsfirelens",
                   "options":{"include-pattern":"pass","region":"us-west-2"}}}]"""));
        assertEquals("unable to generate firelens config: unable to apply log options of container logsender to "
                + "firelens config: missing output key Name which is required for firelens configuration of type "
                + "fluentbit", e.getMessage());
    }

    @Test
    void aTaskWithoutARouterIsLeftAsItIs() {
        TaskLaunch t = launch("awsvpc", "[{\"name\":\"app\",\"image\":\"busybox\"}]");
        assertNull(t.firelens());
        assertEquals(List.of(), t.volumes());
    }
}
