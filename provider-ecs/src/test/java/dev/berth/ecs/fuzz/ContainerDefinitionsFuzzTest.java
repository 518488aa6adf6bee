package dev.berth.ecs.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.taskdef.ContainerDefinitionsJson;
import dev.berth.ecs.taskdef.TaskDefinitionNormaliser;
import dev.berth.ecs.taskdef.TaskDefinitionValidator;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Hostile {@code container_definitions} JSON through what an {@code ecs_task_definition} goes
 * through before it is registered: parsing, validation, normalisation and the canonical form
 * plans compare. Seeds (the public task definitions under taskdefs/public) and every past finding
 * live in {@code src/test/resources/dev/berth/ecs/fuzz/ContainerDefinitionsFuzzTestInputs/register};
 * {@code JAZZER_FUZZ=1} (scripts/fuzz.sh) searches for more.
 */
class ContainerDefinitionsFuzzTest {
    @FuzzTest(maxDuration = "20s")
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void register(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        ContainerDefinitionsJson.Parsed parsed = ContainerDefinitionsJson.parse(json);
        parsed.errors().forEach(e -> UserMessages.requireReadable(e, json));
        if (parsed.ok()) ContainerDefinitionsJson.canonical(parsed.containers());
        for (String mode : List.of("bridge", "awsvpc")) {
            MapValue config = new MapValue(Map.of(TaskDefinitionSchema.FAMILY, Value.of("fuzz"),
                    TaskDefinitionSchema.NETWORK_MODE, Value.of(mode),
                    TaskDefinitionSchema.CONTAINER_DEFINITIONS, Value.of(json)));
            List<ProviderDiagnostic> problems = TaskDefinitionValidator.validate(config);
            problems.forEach(d -> UserMessages.requireReadable(d.summary(), json));
            if (problems.stream().noneMatch(ProviderDiagnostic::isError)) TaskDefinitionNormaliser.normalise(config);
        }
    }
}
