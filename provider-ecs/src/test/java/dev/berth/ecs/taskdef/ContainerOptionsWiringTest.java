package dev.berth.ecs.taskdef;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.value.MapValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.taskDef;
import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The container options through the field table: accepted, canonical in both forms, checked by ECS's rules. */
class ContainerOptionsWiringTest {
    private final Harness h = new Harness();

    private static final String JSON = """
            [{"name": "web", "image": "busybox", "memory": 64, "links": ["db:database"], "hostname": "web-1",
              "user": "1000", "workingDirectory": "/srv", "readonlyRootFilesystem": true,
              "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 2048}],
              "dockerLabels": {"team": "payments"},
              "linuxParameters": {"initProcessEnabled": true, "tmpfs": [{"containerPath": "/scratch", "size": 64}]},
              "systemControls": [{"namespace": "net.core.somaxconn", "value": "512"}]},
             {"name": "db", "image": "busybox", "memory": 64}]""";

    @AfterEach
    void close() {
        h.close();
    }

    private String planned(MapValue config) {
        PlanResponse p = h.plan("ecs_task_definition", null, config);
        assertEquals(List.of(), Harness.errors(p.diagnostics()));
        return ((dev.berth.engine.value.StringValue) p.planned().get("container_definitions")).value();
    }

    @Test
    void jsonAndBlocksGiveOneCanonicalFormThatKeepsEveryOption() throws Exception {
        String fromJson = planned(taskDef("network_mode", "bridge", "container_definitions", JSON));
        MapValue web = container("name", "web", "image", "busybox", "memory", 64, "links", List.of("db:database"),
                "hostname", "web-1", "user", "1000", "working_directory", "/srv", "readonly_root_filesystem", true,
                "ulimits", List.of(obj("name", "nofile", "soft_limit", 1024, "hard_limit", 2048)),
                "docker_labels", Map.of("team", "payments"),
                "linux_parameters", List.of(obj("init_process_enabled", true,
                        "tmpfs", List.of(obj("container_path", "/scratch", "size", 64)))),
                "system_controls", List.of(obj("namespace", "net.core.somaxconn", "value", "512")));
        String fromBlocks = planned(taskDef("network_mode", "bridge", "container", blocks(web,
                container("name", "db", "image", "busybox", "memory", 64))));
        assertEquals(fromJson, fromBlocks);
        ContainerDefinition parsed = ContainerDefinitionsJson.parse(fromJson).containers().get(0);
        ContainerOptions o = ContainerOptions.of(parsed);
        assertEquals(List.of("db:database"), o.links());
        assertEquals("web-1", o.hostname());
        assertEquals(Map.of("team", "payments"), o.dockerLabels());
        assertEquals(List.of(new ContainerOptions.Ulimit("nofile", 1024L, 2048L)), o.ulimits());
        assertEquals(List.of(new ContainerOptions.Tmpfs("/scratch", 64, List.of())), o.linuxParameters().tmpfs());
        assertEquals(true, o.linuxParameters().initProcessEnabled());
    }

    @Test
    void ecsRulesReachTheValidatorAndPointAtTheField() {
        List<ProviderDiagnostic> d = TaskDefinitionValidator.validate(taskDef("network_mode", "awsvpc",
                "container", blocks(container("name", "web", "image", "busybox", "memory", 64, "hostname", "w"))));
        assertEquals(1, d.size(), d.toString());
        assertEquals("hostname is not supported on container when networkMode=awsvpc.", d.get(0).summary());
        assertEquals(List.of("container", 0, "hostname"), d.get(0).path());

        List<ProviderDiagnostic> json = TaskDefinitionValidator.validate(taskDef("network_mode", "awsvpc",
                "container_definitions", JSON)).stream().filter(ProviderDiagnostic::isError).toList();
        assertEquals(List.of("Links are not supported when networkMode=awsvpc.",
                "hostname is not supported on container when networkMode=awsvpc."),
                json.stream().map(ProviderDiagnostic::summary).toList());
    }

    @Test
    void bridgeIsTheDefaultModeSoLinksAreAcceptedWithoutOne() {
        assertEquals(List.of(), Harness.errors(TaskDefinitionValidator.validate(taskDef("container_definitions", JSON))));
    }
}
