package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.testkit.InMemoryStateStore;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.berth.engine.testkit.TestEngine.change;
import static dev.berth.engine.testkit.TestEngine.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplierTest {
    static final String CHAIN = """
            resource "fake_thing" "a" {
              name = "a"
            }
            resource "fake_thing" "b" {
              name = "b"
              note = fake_thing.a.id
            }
            resource "fake_thing" "c" {
              name = "c"
            }
            output "b_note" {
              value = fake_thing.b.note
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

    @Test
    void createsDependenciesFirstAndSavesEveryResourceAndTheOutputs() {
        Applier.Result r = engine.converge(CHAIN);

        List<String> calls = engine.provider.calls();
        assertTrue(calls.indexOf("create fake_thing.a") < calls.indexOf("create fake_thing.b"), calls.toString());
        assertEquals(3, calls.size(), calls.toString());
        assertEquals(new Applier.Summary(3, 0, 0), r.summary());
        assertEquals(List.of("apply", "apply", "apply", "apply"), engine.store.operations(),
                "one commit per resource, then one for the outputs");
        ResourceState b = engine.store.read().resource(addr("fake_thing.b")).orElseThrow();
        // a and c are created in parallel, so which of them got fake-1 is up to the scheduler.
        Value aId = engine.store.read().resource(addr("fake_thing.a")).orElseThrow().attributes().get("id");
        assertTrue(aId.toString().startsWith("StringValue[value=fake-"), aId.toString());
        assertEquals(aId, b.attributes().get("note"), "b was created with a's id, so after a");
        assertEquals(List.of("fake_thing.a"), b.dependencies());
        assertEquals(new OutputState("b_note", aId, false), r.outputs().get("b_note"));
        assertEquals(r.outputs(), engine.store.read().outputs());
    }

    @Test
    void destroyDeletesDependentsBeforeTheirDependencies() {
        engine.converge(CHAIN);
        engine.provider.clearCalls();

        Plan destroy = engine.plan(Plan.Mode.DESTROY).plan();
        Applier.Result r = engine.applyOk(destroy);

        List<String> calls = engine.provider.calls();
        assertTrue(calls.indexOf("delete fake_thing.b") < calls.indexOf("delete fake_thing.a"), calls.toString());
        assertEquals(3, calls.size(), calls.toString());
        assertEquals(new Applier.Summary(0, 0, 3), r.summary());
        assertTrue(engine.store.read().isEmpty(), engine.store.read().toString());
    }

    @Test
    void replacementDeletesTheOldObjectBeforeCreatingTheNew() {
        engine.converge(CHAIN);
        engine.provider.clearCalls();
        engine.configure(CHAIN.replace("name = \"c\"", "name = \"c2\""));

        Applier.Result r = engine.applyOk(engine.plan());

        assertEquals(List.of("delete fake_thing.c", "create fake_thing.c"), engine.provider.calls());
        assertEquals(new Applier.Summary(1, 0, 1), r.summary());
        assertEquals(Value.of("c2"), engine.store.read().resource(addr("fake_thing.c")).orElseThrow().attributes().get("name"));
    }

    @Test
    void failedCreateIsSavedTaintedSkipsOnlyItsDependentsAndIsReplacedNextTime() {
        engine.configure(CHAIN);
        engine.provider.failCreateOf("fake_thing.a");

        Applier.Result r = engine.apply(engine.plan());

        assertEquals(List.of("Creating fake_thing.a failed"), errors(r.diagnostics()));
        List<String> calls = engine.provider.calls();
        assertTrue(calls.contains("create fake_thing.c"), "independent c still created: " + calls);
        assertFalse(calls.contains("create fake_thing.b"), "b depends on a and must be skipped: " + calls);
        ResourceState a = engine.store.read().resource(addr("fake_thing.a")).orElseThrow();
        assertTrue(a.tainted());
        assertTrue(engine.store.read().resource(addr("fake_thing.b")).isEmpty());
        assertTrue(engine.store.read().resource(addr("fake_thing.c")).isPresent());
        assertEquals(new Applier.Summary(1, 0, 0), r.summary());

        Plan next = engine.plan();

        assertEquals(Action.DELETE_THEN_CREATE, change(next, "fake_thing.a").action());
        assertEquals(ActionReason.REPLACE_BECAUSE_TAINTED, change(next, "fake_thing.a").reason());
        assertEquals(Action.CREATE, change(next, "fake_thing.b").action());
        assertEquals(Action.NO_OP, change(next, "fake_thing.c").action());
    }

    @Test
    void stalePlanIsRefusedWithoutTouchingAnything() {
        engine.configure(CHAIN);
        Plan plan = engine.plan();
        engine.store.commit(List.of(new StateChange.PutOutput(new OutputState("x", Value.of("y"), false))), "other");

        Applier.Result r = engine.apply(plan);

        assertEquals(1, errors(r.diagnostics()).size());
        assertTrue(errors(r.diagnostics()).get(0).startsWith("Saved plan is stale"), r.diagnostics().toString());
        assertEquals(List.of(), engine.provider.calls());
        assertEquals(1, engine.store.read().serial());
    }

    @Test
    void planForAnotherLineageIsRefused() {
        engine.configure(CHAIN);
        Plan plan = engine.plan();
        InMemoryStateStore other = new InMemoryStateStore("lineage-2");

        Applier.Result r = new Applier(engine.providers, FunctionRegistry.standard(), other, RunHooks.NONE)
                .apply(engine.config(), plan, 4);

        assertEquals(List.of("Saved plan does not match the given state: the plan was made for state lineage "
                + "lineage-1, but this state has lineage lineage-2."), errors(r.diagnostics()));
        assertEquals(List.of(), engine.provider.calls());
        assertEquals(0, other.read().serial());
    }

    @Test
    void aStopFinishesTheChangeInFlightSavesItAndStartsNoOther() {
        engine.configure(CHAIN);
        Plan plan = engine.plan();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        RunHooks ctrlC = new RunHooks() {
            @Override
            public void applying(ResourceInstanceAddr addr, Action action, String id) {
                stop.set(true);
            }
        };

        Applier.Result r = new Applier(engine.providers, FunctionRegistry.standard(), engine.store, ctrlC)
                .apply(engine.config(), plan, 1, stop::get);

        assertEquals(List.of("Apply interrupted: berth stopped starting changes when asked to stop."), errors(r.diagnostics()));
        assertEquals(1, engine.provider.calls().size(), "only the change in flight ran: " + engine.provider.calls());
        assertEquals(1, r.summary().added());
        assertEquals(1, engine.store.read().resources().size(), "and it was saved");
        engine.applyOk(engine.plan());
        assertEquals(3, engine.store.read().resources().size());
        assertFalse(engine.plan().hasResourceChanges(), "the next apply converged");
    }
}
