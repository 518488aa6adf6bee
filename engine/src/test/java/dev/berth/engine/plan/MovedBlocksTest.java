package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.testkit.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static dev.berth.engine.testkit.TestEngine.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MovedBlocksTest {
    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
        engine.converge("resource \"fake_thing\" \"old\" {\n  name = \"x\"\n}\n");
    }

    private static ResourceInstanceAddr addr(String a) {
        return ResourceInstanceAddr.parse(a).orElseThrow();
    }

    @Test
    void aRenamedResourceMovesInsteadOfBeingReplaced() {
        engine.configure("""
                resource "fake_thing" "new" {
                  name = "x"
                }
                moved {
                  from = fake_thing.old
                  to   = fake_thing.new
                }
                """);
        Plan plan = engine.plan();

        assertEquals(1, plan.resourceChanges().size(), plan.resourceChanges().toString());
        ResourceChange c = change(plan, "fake_thing.new");
        assertEquals(Action.NO_OP, c.action());
        assertEquals(addr("fake_thing.old"), c.previousAddr());
        assertTrue(plan.hasResourceChanges(), "a move alone is a change worth applying");

        engine.applyOk(plan);
        assertEquals(Set.of(addr("fake_thing.new")), engine.store.read().resources().keySet());
        assertEquals(Action.NO_OP, change(engine.plan(), "fake_thing.new").action());
        assertNull(change(engine.plan(), "fake_thing.new").previousAddr(), "the move is done once");
    }

    @Test
    void aMovedInstanceCanAlsoChange() {
        engine.configure("""
                resource "fake_thing" "new" {
                  name = "x"
                  size = 5
                }
                moved {
                  from = fake_thing.old
                  to   = fake_thing.new
                }
                """);
        ResourceChange c = change(engine.plan(), "fake_thing.new");
        assertEquals(Action.UPDATE, c.action());
        assertEquals(addr("fake_thing.old"), c.previousAddr());
    }

    @Test
    void movingOntoAnExistingObjectIsAnError() {
        engine.converge("""
                resource "fake_thing" "old" {
                  name = "x"
                }
                resource "fake_thing" "new" {
                  name = "y"
                }
                """);
        engine.configure("""
                resource "fake_thing" "new" {
                  name = "y"
                }
                moved {
                  from = fake_thing.old
                  to   = fake_thing.new
                }
                """);
        Planner.Result r = engine.plan(Plan.Mode.NORMAL);
        assertNull(r.plan());
        assertTrue(TestEngine.errors(r.diagnostics()).get(0)
                .startsWith("Moved object still exists: fake_thing.old cannot move to fake_thing.new"));
    }

    /** Terraform 1.11.4 (cli/src/test/resources/terraform-moved): a refresh-only run moves too. */
    @Test
    void aRefreshOnlyPlanReportsTheMoveAsDriftAndItsApplyRecordsIt() {
        engine.configure("""
                resource "fake_thing" "new" {
                  name = "x"
                }
                moved {
                  from = fake_thing.old
                  to   = fake_thing.new
                }
                """);
        Planner.Result r = engine.plan(Plan.Mode.REFRESH_ONLY);
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
        Plan plan = r.plan();
        assertEquals(1, plan.drift().size(), plan.drift().toString());
        ResourceChange moved = plan.drift().get(0);
        assertEquals(addr("fake_thing.new"), moved.addr());
        assertEquals(addr("fake_thing.old"), moved.previousAddr());
        assertEquals(Action.NO_OP, moved.action());
        assertEquals(Set.of(addr("fake_thing.new")), plan.priorState().resources().keySet());
        assertTrue(plan.resourceChanges().isEmpty());
        assertTrue(!plan.hasDriftToRecord(), "Terraform: a move alone is not applyable and exits 0 with -detailed-exitcode");

        engine.applyOk(plan);
        assertEquals(Set.of(addr("fake_thing.new")), engine.store.read().resources().keySet());
        assertTrue(engine.plan(Plan.Mode.REFRESH_ONLY).plan().drift().isEmpty(), "the move is done once");
        assertEquals(Action.NO_OP, change(engine.plan(), "fake_thing.new").action());
    }

    @Test
    void aRefreshOnlyPlanStillRefusesToMoveOntoAnExistingObject() {
        engine.converge("""
                resource "fake_thing" "old" {
                  name = "x"
                }
                resource "fake_thing" "new" {
                  name = "y"
                }
                """);
        engine.configure("""
                resource "fake_thing" "new" {
                  name = "y"
                }
                moved {
                  from = fake_thing.old
                  to   = fake_thing.new
                }
                """);
        Planner.Result r = engine.plan(Plan.Mode.REFRESH_ONLY);
        assertNull(r.plan());
        assertTrue(TestEngine.errors(r.diagnostics()).get(0)
                .startsWith("Moved object still exists: fake_thing.old cannot move to fake_thing.new"));
    }
}
