package dev.berth.engine.plan;

import dev.berth.engine.apply.Applier;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.berth.engine.testkit.TestEngine.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleAndSensitivityTest {
    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
    }

    private static String thing(String name, int size, String lifecycle) {
        return "resource \"fake_thing\" \"t\" {\n  name = \"" + name + "\"\n  size = " + size + "\n"
                + (lifecycle.isEmpty() ? "" : "  lifecycle {\n    " + lifecycle + "\n  }\n") + "}\n";
    }

    @Test
    void ignoredAttributeChangePlansNothing() {
        engine.converge(thing("t", 1, "ignore_changes = [size]"));
        engine.configure(thing("t", 9, "ignore_changes = [size]"));

        ResourceChange t = change(engine.plan(), "fake_thing.t");

        assertEquals(Action.NO_OP, t.action());
        assertEquals(Value.of(1), t.after().get("size"));
    }

    @Test
    void notIgnoredAttributeOfTheSameResourceStillUpdates() {
        engine.converge(thing("t", 1, "ignore_changes = [note]"));
        engine.configure(thing("t", 9, "ignore_changes = [note]"));

        assertEquals(Action.UPDATE, change(engine.plan(), "fake_thing.t").action());
    }

    @Test
    void preventDestroyRefusesAReplacementAtTheResourceBlock() {
        engine.converge(thing("t", 1, "prevent_destroy = true"));
        engine.configure(thing("t2", 1, "prevent_destroy = true"));

        Planner.Result r = engine.plan(Plan.Mode.NORMAL);

        assertNull(r.plan());
        Diagnostic d = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertTrue(d.summary().startsWith("Instance cannot be destroyed: fake_thing.t has lifecycle.prevent_destroy"),
                d.summary());
        assertEquals("main.hcl:1,1", d.range().toString());
    }

    @Test
    void preventDestroyRefusesDroppingACountedInstance() {
        String counted = "resource \"fake_thing\" \"t\" {\n  count = %d\n  name = \"t${count.index}\"\n"
                + "  lifecycle {\n    prevent_destroy = true\n  }\n}\n";
        engine.converge(counted.formatted(2));
        engine.configure(counted.formatted(1));

        Planner.Result r = engine.plan(Plan.Mode.NORMAL);

        assertNull(r.plan(), "nothing may be planned while a protected instance would be dropped");
        assertTrue(TestEngine.errors(r.diagnostics()).stream().anyMatch(e ->
                e.startsWith("Instance cannot be destroyed: fake_thing.t[1] has lifecycle.prevent_destroy")),
                r.diagnostics().toString());
    }

    @Test
    void destroyModeRefusesProtectedResources() {
        engine.converge(thing("t", 1, "prevent_destroy = true"));

        Planner.Result r = engine.plan(Plan.Mode.DESTROY);

        assertNull(r.plan());
        assertTrue(TestEngine.errors(r.diagnostics()).get(0).startsWith("Instance cannot be destroyed: fake_thing.t"));
    }

    @Test
    void createBeforeDestroyCreatesTheReplacementFirst() {
        engine.converge(thing("t", 1, "create_before_destroy = true"));
        engine.provider.clearCalls();
        engine.configure(thing("t2", 1, "create_before_destroy = true"));

        Plan plan = engine.plan();
        assertEquals(Action.CREATE_THEN_DELETE, change(plan, "fake_thing.t").action());
        engine.applyOk(plan);

        assertEquals(List.of("create fake_thing.t", "delete fake_thing.t"), engine.provider.calls());
        assertEquals(Value.of("t2"), engine.store.read().resources().values().iterator().next().attributes().get("name"));
    }

    static final String SECRET = """
            variable "size" {
              type      = number
              sensitive = true
            }
            resource "fake_thing" "t" {
              name = "t"
              size = var.size
            }
            output "size" {
              value     = fake_thing.t.size
              sensitive = true
            }
            """;

    @Test
    void sensitiveVariableStaysSensitiveInThePlanAndTheOutputs() {
        engine.configure(SECRET);
        engine.vars(Map.of("size", "7"));

        Plan plan = engine.plan();
        assertInstanceOf(SensitiveValue.class, plan.variables().get("size"));
        Value size = change(plan, "fake_thing.t").after().get("size");
        assertInstanceOf(SensitiveValue.class, size);
        assertEquals(Value.of(7), size.unmarked());
        OutputChange out = plan.outputChanges().get(0);
        assertTrue(out.sensitive());
        assertInstanceOf(SensitiveValue.class, out.after());

        Applier.Result r = engine.applyOk(plan);

        OutputState saved = r.outputs().get("size");
        assertTrue(saved.sensitive());
        assertEquals(Value.sensitive(Value.of(7)), saved.value());
        assertInstanceOf(SensitiveValue.class, engine.store.read().resources().values().iterator().next()
                .attributes().get("size"));
    }

    @Test
    void outputRevealingASensitiveValueWithoutSensitiveTrueIsAnError() {
        engine.configure(SECRET.replace("fake_thing.t.size\n  sensitive = true\n", "fake_thing.t.size\n"));
        engine.vars(Map.of("size", "7"));

        Planner.Result r = engine.plan(Plan.Mode.NORMAL);

        assertNull(r.plan());
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("Output refers to sensitive values: output \"size\" would reveal a sensitive value.",
                errors.get(0).summary());
        assertEquals("main.hcl:10,15", errors.get(0).range().toString());
    }
}
