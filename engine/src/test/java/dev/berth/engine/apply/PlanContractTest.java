package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.berth.engine.testkit.TestEngine.change;
import static dev.berth.engine.testkit.TestEngine.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Apply holds the provider to the approved plan, as Terraform does. */
class PlanContractTest {
    static final String PAIR = """
            variable "secret" {
              type      = number
              default   = 1
              sensitive = true
            }
            resource "fake_thing" "a" {
              name = "a"
              note = "one"
              size = var.secret
            }
            resource "fake_thing" "b" {
              name = "b"
              note = fake_thing.a.note
            }
            """;

    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
    }

    private static ResourceInstanceAddr addr(String s) {
        return ResourceInstanceAddr.parse(s).orElseThrow();
    }

    private Value stored(String addr, String attr) {
        return engine.store.read().resource(addr(addr)).orElseThrow().attributes().get(attr);
    }

    @Test
    void aKnownValueThatChangesWhenApplyPlansAgainIsRefusedBeforeAnythingChanges() {
        engine.converge(PAIR);
        engine.provider.clearCalls();
        engine.configure(PAIR.replace("\"one\"", "\"two\""));
        Plan plan = engine.plan();
        assertEquals(Action.UPDATE, change(plan, "fake_thing.a").action());
        engine.provider.planOverride("fake_thing.a", "note", Value.of("three"));

        Applier.Result r = engine.apply(plan);

        assertEquals(List.of("Provider produced an inconsistent final plan for fake_thing.a"), errors(r.diagnostics()));
        String detail = r.diagnostics().get(0).detail();
        assertTrue(detail.contains(".note"), detail);
        assertTrue(detail.contains("\"two\"") && detail.contains("\"three\""), detail);
        assertEquals(List.of(), engine.provider.calls(), "neither a nor its dependent b was touched");
        assertEquals(Value.of("one"), stored("fake_thing.a", "note"));
    }

    @Test
    void aSensitiveValueIsNeverPrintedInTheError() {
        engine.converge(PAIR);
        engine.configure(PAIR.replace("\"one\"", "\"two\""));
        engine.vars(Map.of("secret", "424242"));
        Plan plan = engine.plan();
        engine.provider.planOverride("fake_thing.a", "size", Value.of(777777));

        Applier.Result r = engine.apply(plan);

        assertEquals(List.of("Provider produced an inconsistent final plan for fake_thing.a"), errors(r.diagnostics()));
        Diagnostic d = r.diagnostics().get(0);
        assertTrue(d.detail().contains(".size"), d.detail());
        assertFalse(d.detail().contains("424242") || d.detail().contains("777777"), d.detail());
        assertTrue(d.detail().contains("(sensitive value)"), d.detail());
    }

    @Test
    void aResultThatDiffersFromTheKnownPlanIsAnErrorAndTheStateRecordsWhatHappened() {
        engine.converge(PAIR);
        engine.provider.clearCalls();
        engine.configure(PAIR.replace("\"one\"", "\"two\""));
        Plan plan = engine.plan();
        assertEquals(Action.UPDATE, change(plan, "fake_thing.b").action(), "b follows a's known note");
        engine.provider.applyOverride("fake_thing.a", "note", Value.of("surprise"));

        Applier.Result r = engine.apply(plan);

        assertEquals(List.of("Provider produced an inconsistent result after apply for fake_thing.a"),
                errors(r.diagnostics()));
        String detail = r.diagnostics().get(0).detail();
        assertTrue(detail.contains(".note") && detail.contains("\"two\"") && detail.contains("\"surprise\""), detail);
        assertEquals(Value.of("surprise"), stored("fake_thing.a", "note"), "the state holds what the provider did");
        assertEquals(List.of("update fake_thing.a"), engine.provider.calls(), "b is not built on a broken promise");
    }

    @Test
    void unknownPlannedValuesMayBecomeAnything() {
        engine.configure(PAIR);
        Plan plan = engine.plan();
        assertFalse(change(plan, "fake_thing.a").after().get("id").isWhollyKnown());

        engine.applyOk(plan);

        assertTrue(stored("fake_thing.a", "id").isWhollyKnown());
    }

    @Test
    void nestedKnownValuesAreHeldTooAndUnknownOnesMayBecomeAnything() {
        Value promised = Value.map(Map.of(
                "container", Value.list(List.of(Value.map(Map.of("name", Value.of("web"), "port", Value.unknown())))),
                "tags", Value.map(Map.of("team a", Value.of("x"))),
                "later", Value.unknown()));
        Value same = Value.map(Map.of(
                "container", Value.list(List.of(Value.map(Map.of("name", Value.of("web"), "port", Value.of(80))))),
                "tags", Value.map(Map.of("team a", Value.of("x"))),
                "later", Value.list(List.of(Value.of(1)))));
        Value changed = Value.map(Map.of(
                "container", Value.list(List.of(Value.map(Map.of("name", Value.of("api"), "port", Value.of(80))))),
                "tags", Value.map(Map.of("team a", Value.sensitive(Value.of("y")))),
                "later", Value.nil()));

        assertEquals(List.of(), PlanContract.check(promised, same, null));
        assertEquals(List.of(".container[0].name: was \"web\", but now \"api\"",
                        ".tags[\"team a\"]: was (sensitive value), but now (sensitive value)"),
                PlanContract.check(promised, changed, null).stream().map(Object::toString).toList());
        assertEquals(List.of(".container: was [{\"name\":\"web\"}], but now []"),
                PlanContract.check(Value.map(Map.of("container", Value.list(List.of(Value.map(Map.of("name",
                        Value.of("web"))))))), Value.map(Map.of("container", Value.list(List.of()))), null)
                        .stream().map(Object::toString).toList());
    }
}
