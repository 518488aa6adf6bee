package dev.berth.ecs.taskdef.fields;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.taskdef.ContainerBlocks;
import dev.berth.ecs.taskdef.ContainerDefinitionsJson;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field tables give the JSON and HCL forms one meaning, and canonical JSON survives a trip to HCL. */
class FieldTablesTest {

    @Test
    void aContainerWrittenAsJsonOrAsABlockHasOneCanonicalForm() {
        var json = ContainerDefinitionsJson.parse("""
                [{"name":"web","image":"nginx","memory":128,"user":"1000","dockerLabels":{"b":"2","a":"1"},
                  "ulimits":[{"name":"nofile","softLimit":"1024","hardLimit":2048}],
                  "linuxParameters":{"initProcessEnabled":true,"capabilities":{"add":["NET_ADMIN"],"drop":[]}}}]""");
        MapValue block = (MapValue) Value.map(Map.of(
                "name", Value.of("web"), "image", Value.of("nginx"), "memory", Value.of(128), "user", Value.of("1000"),
                "docker_labels", Value.map(Map.of("a", Value.of("1"), "b", Value.of("2"))),
                "ulimits", Value.list(List.of(Value.map(Map.of("name", Value.of("nofile"),
                        "soft_limit", Value.of(1024), "hard_limit", Value.of(2048))))),
                "linux_parameters", Value.list(List.of(Value.map(Map.of("init_process_enabled", Value.of(true),
                        "capabilities", Value.list(List.of(Value.map(Map.of("add",
                                Value.list(List.of(Value.of("NET_ADMIN")))))))))))));
        var blocks = ContainerBlocks.read(List.of(block));
        assertEquals(ContainerDefinitionsJson.canonical(json.containers()),
                ContainerDefinitionsJson.canonical(blocks.containers()));
        assertEquals("{\"add\":[\"NET_ADMIN\"]}", json.containers().get(0).extra("linuxParameters").get("capabilities")
                .toString(), "an empty list is an absent field");
        assertEquals(json.errors(), blocks.parsed().errors(), "both forms refuse the same fields");
    }

    @Test
    void aFieldNotYetHonouredIsRefusedByNameInBothForms() {
        var json = ContainerDefinitionsJson.parse("[{\"name\":\"web\",\"image\":\"x\",\"privileged\":true}]");
        assertTrue(json.errors().contains("Container \"web\": berth does not honour privileged yet.")
                || ContainerFields.field("privileged").support().supported(), json.errors().toString());
    }

    @Test
    void taskLevelFieldsSurviveATripThroughHcl() {
        ObjectNode canonical = (ObjectNode) Json.readTree("""
                {"ephemeralStorage":{"sizeInGiB":30},"pidMode":"task",
                 "placementConstraints":[{"expression":"attribute:x == y","type":"memberOf"}],
                 "proxyConfiguration":{"containerName":"envoy","properties":[{"name":"AppPorts","value":"8080"}],"type":"APPMESH"},
                 "volumes":[{"host":{"sourcePath":"/srv"},"name":"data"},
                            {"dockerVolumeConfiguration":{"driverOpts":{"type":"tmpfs"},"scope":"task"},"name":"scratch"}]}""");
        Map<String, Value> hcl = HclFields.toHcl(canonical, TaskFields.ALL);
        assertEquals(Value.of("/srv"), ((MapValue) ((dev.berth.engine.value.ListValue) hcl.get("volume")).items().get(0))
                .get("host_path"), "terraform-provider-aws's host_path");
        HclFields.Converted back = HclFields.toJson(new MapValue(hcl), TaskFields.ALL, List.of());
        FieldReader reader = new FieldReader();
        assertEquals(canonical, reader.object(back.json(), TaskFields.ALL, "Task definition"));
        assertEquals(List.of(), reader.warnings());
    }

    @Test
    void wrongTypesAreErrorsNamingTheFieldAndUnknownKeysWarnings() {
        FieldReader reader = new FieldReader();
        reader.object(Json.readTree("{\"name\":\"w\",\"stopTimeout\":\"soon\",\"ulimits\":{},\"expanded\":true}"),
                ContainerFields.ALL, "Container \"w\"");
        assertTrue(reader.errors().contains("Container \"w\": stopTimeout must be a whole number, not \"soon\"."),
                reader.errors().toString());
        assertTrue(reader.errors().contains("Container \"w\": ulimits must be a list of objects."), reader.errors().toString());
        assertEquals(List.of("Container \"w\" has a field \"expanded\" that ECS does not know; berth ignores it."),
                reader.warnings());
    }
}
