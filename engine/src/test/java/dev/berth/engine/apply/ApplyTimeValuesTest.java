package dev.berth.engine.apply;

import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values Terraform only knows at apply, and paths relative to the configuration, as outputs. */
class ApplyTimeValuesTest {
    @TempDir
    Path dir;

    @Test
    void timestampAndUuidOutputsAreUnknownInThePlanAndSavedAfterApply() {
        TestEngine engine = new TestEngine(dir);
        engine.configure("""
                output "applied_at" {
                  value = timestamp()
                }
                output "run_id" {
                  value = uuid()
                }
                """);
        Plan plan = engine.plan();
        for (OutputChange c : plan.outputChanges()) {
            assertFalse(c.after().isWhollyKnown(), c.name() + " is known only after apply");
        }
        Map<String, OutputState> outputs = engine.applyOk(plan).outputs();
        assertTrue(text(outputs.get("applied_at").value()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                () -> "applied_at: " + outputs);
        assertTrue(text(outputs.get("run_id").value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"),
                () -> "run_id: " + outputs);
        assertEquals(outputs, engine.store.read().outputs(), "saved in the state");
    }

    @Test
    void pathModuleNamesTheConfigurationDirectoryWhereverBerthRuns() throws Exception {
        // The configuration lives in a temporary directory, not in the directory the tests run in,
        // as with -chdir: path.module is "." and file() reads beside the configuration.
        Files.writeString(dir.resolve("motd.txt"), "hello\n");
        TestEngine engine = new TestEngine(dir);
        Map<String, OutputState> outputs = engine.converge("""
                output "module" {
                  value = path.module
                }
                output "motd" {
                  value = file("${path.module}/motd.txt")
                }
                output "root_exists" {
                  value = fileexists("${path.root}/motd.txt")
                }
                """).outputs();
        assertEquals(Value.of("."), outputs.get("module").value());
        assertEquals(Value.of("hello\n"), outputs.get("motd").value());
        assertEquals(Value.of(true), outputs.get("root_exists").value());
    }

    private static String text(Value v) {
        return v instanceof StringValue s ? s.value() : String.valueOf(v);
    }
}
