package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.berth.ecs.taskdef.fields.ContainerFields;
import dev.berth.ecs.taskdef.fields.HclFields;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.berth.ecs.schema.TaskDefinitionSchema.CONTAINER;

/**
 * Reads berth's snake_case {@code container} blocks: each block becomes ECS's JSON through the
 * field table and is then read by the one JSON reader, so both forms mean the same. Values that
 * are unknown are recorded by field name; numbers that are not whole are reported.
 */
public final class ContainerBlocks {
    private ContainerBlocks() {
    }

    public record Read(ContainerDefinitionsJson.Parsed parsed, List<HclFields.BadNumber> badNumbers) {
        public List<ContainerDefinition> containers() {
            return parsed.containers();
        }
    }

    public static Read read(List<Value> blocks) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        List<Set<String>> unknown = new ArrayList<>();
        List<HclFields.BadNumber> bad = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            MapValue b = blocks.get(i).unmarked() instanceof MapValue m ? m : MapValue.EMPTY;
            HclFields.Converted c = HclFields.toJson(b, ContainerFields.ALL, List.of(CONTAINER, i));
            array.add(c.json());
            unknown.add(c.unknown());
            bad.addAll(c.badNumbers());
        }
        return new Read(ContainerDefinitionsJson.read(array, unknown), bad);
    }
}
