package dev.berth.cli;

import dev.berth.ecs.taskdef.fields.ContainerFields;
import dev.berth.ecs.taskdef.fields.Field;
import dev.berth.ecs.taskdef.fields.TaskFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realistic task definitions among the examples (a web container with a sidecar and a
 * FireLens log router, a worker with volumes, a bridge-mode pair using links) pass {@code berth
 * validate}, or fail only because they use fields the field table does not honour yet. Each such
 * error must name a field the table marks pending or refused, so the test tightens by itself as
 * fields become supported: once none is left, validate must succeed.
 */
class ExamplesValidateTest {
    private static final Pattern REFUSAL = Pattern.compile("^Error: .*: berth (?:does not|cannot) honour (\\w+)(?: yet\\.|:)");

    @ParameterizedTest
    @ValueSource(strings = {"firelens", "worker-volumes", "bridge-links"})
    void validatesOrIsRefusedOnlyForFieldsNotHonouredYet(String example) throws Exception {
        Path dir = Path.of("..", "examples", example).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(dir.resolve("main.tf")) || Files.isRegularFile(dir.resolve("main.hcl")),
                dir + " has a configuration");
        CliRun r = CliRun.in(dir, "validate");
        List<String> errors = new ArrayList<>();
        for (String line : (r.out() + "\n" + r.err()).split("\n")) if (line.startsWith("Error: ")) errors.add(line);
        if (r.exitCode() == 0) {
            assertEquals(List.of(), errors, r.toString());
            assertTrue(r.out().contains("The configuration is valid"), r.toString());
            return;
        }
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(!errors.isEmpty(), r.toString());
        for (String e : errors) {
            Matcher m = REFUSAL.matcher(e);
            assertTrue(m.find(), "only fields berth does not honour may fail validation: " + e);
            assertTrue(notHonoured(m.group(1), ContainerFields.ALL) || notHonoured(m.group(1), TaskFields.ALL),
                    "the table marks " + m.group(1) + " pending or refused: " + e);
        }
        assertTrue(!Files.exists(dir.resolve("berth.db")), "validate leaves no state behind");
    }

    private static boolean notHonoured(String json, List<Field> fields) {
        for (Field f : fields) {
            if (f.json().equals(json) && !f.support().supported()) return true;
            if (notHonoured(json, f.children())) return true;
        }
        return false;
    }
}
