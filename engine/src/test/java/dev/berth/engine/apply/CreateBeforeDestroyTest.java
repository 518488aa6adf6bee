package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateVersion;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replacements are planned from nothing; create_before_destroy keeps the old object as deposed until it is gone. */
class CreateBeforeDestroyTest {
    static final String CBD = """
            resource "fake_thing" "a" {
              name = "a"
              lifecycle {
                create_before_destroy = true
              }
            }
            resource "fake_thing" "b" {
              name = "b"
              note = fake_thing.a.id
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
    void aReplacementIsPlannedFromNothingSoDependentsConvergeInOneApply() {
        engine.converge(CBD);
        Value oldId = stored("fake_thing.a", "id");
        engine.configure(CBD.replace("name = \"a\"", "name = \"a2\""));

        Plan plan = engine.plan();

        assertEquals(Action.CREATE_THEN_DELETE, change(plan, "fake_thing.a").action());
        assertFalse(change(plan, "fake_thing.a").after().get("id").isWhollyKnown(), "the new object's id is unknown");
        assertEquals(Action.UPDATE, change(plan, "fake_thing.b").action());
        engine.applyOk(plan);
        assertFalse(oldId.equals(stored("fake_thing.a", "id")));
        assertEquals(stored("fake_thing.a", "id"), stored("fake_thing.b", "note"));
        assertFalse(engine.plan().hasResourceChanges(), "nothing left for the next plan");
    }

    @Test
    void withoutCreateBeforeDestroyTheReplacementIsPlannedFromNothingToo() {
        String plain = CBD.replace("create_before_destroy = true", "create_before_destroy = false");
        engine.converge(plain);
        engine.configure(plain.replace("name = \"a\"", "name = \"a2\""));

        engine.applyOk(engine.plan());

        assertEquals(stored("fake_thing.a", "id"), stored("fake_thing.b", "note"));
        assertFalse(engine.plan().hasResourceChanges(), "nothing left for the next plan");
    }

    @Test
    void theOldObjectIsDestroyedOnlyAfterItsDependentsMovedAndIsDeposedMeanwhile() {
        engine.converge(CBD);
        Value oldId = stored("fake_thing.a", "id");
        long before = engine.store.read().serial();
        engine.provider.clearCalls();
        engine.configure(CBD.replace("name = \"a\"", "name = \"a2\""));

        engine.applyOk(engine.plan());

        assertEquals(List.of("create fake_thing.a", "update fake_thing.b", "delete fake_thing.a"),
                engine.provider.calls());
        boolean seenDeposed = false;
        for (StateVersion v : engine.store.history()) {
            if (v.serial() <= before) continue;
            StateSnapshot s = engine.store.readAt(v.serial());
            for (DeposedObject d : s.deposed()) {
                assertEquals(addr("fake_thing.a"), d.addr());
                assertEquals(oldId, d.object().attributes().get("id"));
                seenDeposed = true;
            }
        }
        assertTrue(seenDeposed, "between the create and the delete the state held the old object as deposed");
        assertEquals(List.of(), engine.store.read().deposed());
    }

    @Test
    void aCrashBetweenCreateAndDeleteLeavesTheDeposedObjectForTheNextApplyToRemove() {
        engine.converge(CBD);
        Value oldId = stored("fake_thing.a", "id");
        engine.configure(CBD.replace("name = \"a\"", "name = \"a2\""));
        engine.provider.failDeleteOf("fake_thing.a");

        Applier.Result r = engine.apply(engine.plan());

        assertEquals(List.of("Deleting fake_thing.a failed"), errors(r.diagnostics()));
        assertEquals(Value.of("a2"), stored("fake_thing.a", "name"));
        List<DeposedObject> deposed = engine.store.read().deposed();
        assertEquals(1, deposed.size(), deposed.toString());
        assertEquals(oldId, deposed.get(0).object().attributes().get("id"));
        assertEquals(8, deposed.get(0).key().length(), deposed.get(0).key());

        engine.provider.stopFailingDeletes();
        engine.provider.clearCalls();
        Plan next = engine.plan();
        List<ResourceChange> gone = next.resourceChanges().stream().filter(c -> c.deposed() != null).toList();
        assertEquals(1, gone.size(), next.resourceChanges().toString());
        assertEquals(Action.DELETE, gone.get(0).action());
        assertEquals(deposed.get(0).key(), gone.get(0).deposed());
        assertEquals(oldId, gone.get(0).before().get("id"));
        assertNull(gone.get(0).after());
        assertEquals(Action.NO_OP, next.resourceChanges().stream()
                .filter(c -> c.addr().equals(addr("fake_thing.a")) && c.deposed() == null).findFirst().orElseThrow()
                .action());
        assertEquals(new Plan.Summary(0, 0, 1), next.summary());

        engine.applyOk(next);

        assertEquals(List.of("delete fake_thing.a"), engine.provider.calls());
        assertEquals(List.of(), engine.store.read().deposed());
        assertFalse(engine.plan().hasResourceChanges());
    }

    @Test
    void destroyRemovesDeposedObjectsToo() {
        engine.converge(CBD);
        engine.configure(CBD.replace("name = \"a\"", "name = \"a2\""));
        engine.provider.failDeleteOf("fake_thing.a");
        engine.apply(engine.plan());
        engine.provider.stopFailingDeletes();
        engine.provider.clearCalls();

        engine.applyOk(engine.plan(Plan.Mode.DESTROY).plan());

        assertEquals(3, engine.provider.calls().size(), engine.provider.calls().toString());
        assertTrue(engine.store.read().isEmpty(), engine.store.read().toString());
    }

    @Test
    void aTargetedDestroyLeavesTheDeposedObjectsOfOtherInstancesAlone() {
        engine.converge(CBD);
        engine.configure(CBD.replace("name = \"a\"", "name = \"a2\""));
        engine.provider.failDeleteOf("fake_thing.a");
        engine.apply(engine.plan());

        Plan plan = engine.plan(new dev.berth.engine.plan.Planner.Options(Plan.Mode.DESTROY, true, 4,
                List.of(addr("fake_thing.b")), java.util.Set.of())).plan();

        assertEquals(List.of("fake_thing.b"), plan.resourceChanges().stream().map(c -> c.addr().toString()).toList());
    }
}
