package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.testkit.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.berth.engine.testkit.TestEngine.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A state that stops taking writes in the middle of an apply (its disk filled up): the apply says
 * in one sentence which change is unsaved and why, starts nothing more, and the next apply, once
 * the state can be written, adopts what was made without making anything twice.
 */
class UnwritableStateTest {
    private static final String FULL = "cannot commit to state file /mnt/small/berth.db: the disk is full";

    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
        engine.configure(CreateIntentsTest.PAIR);
    }

    private static ResourceInstanceAddr addr(String s) {
        return ResourceInstanceAddr.parse(s).orElseThrow();
    }

    private static List<Diagnostic> errors(Applier.Result r) {
        return r.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    @Test
    void aCreateWhoseSaveFailsIsOneSentenceAndNothingAfterItStarts() {
        engine.provider.onCreateOf("fake_thing.a", () -> engine.store.failWrites(FULL));
        long serial = engine.store.read().serial();
        Applier.Result r = engine.apply(engine.plan());

        List<Diagnostic> errors = errors(r);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("fake_thing.a was created but not saved: " + FULL + ".", errors.get(0).summary());
        assertTrue(errors.get(0).detail().contains("the next run adopts what was made instead of making it twice"),
                errors.get(0).detail());
        assertEquals(List.of("create fake_thing.a"), engine.provider.calls(), "b is not started on an unwritable state");
        assertEquals(serial, engine.store.read().serial(), "the state still holds the version before the apply");

        engine.store.failWrites(null);
        engine.provider.clearCalls();
        CreateIntents.Result settled = CreateIntents.settle(engine.store, engine.providers);
        assertEquals(List.of(addr("fake_thing.a")), settled.adopted().stream().map(CreateIntents.Adopted::addr).toList());
        Plan next = engine.plan();
        assertEquals(Action.NO_OP, change(next, "fake_thing.a").action());
        engine.applyOk(next);
        assertEquals(List.of("create fake_thing.b"), engine.provider.calls(), "a is not made twice");
    }

    @Test
    void aCreateWhoseIntentCannotBeWrittenMakesNothing() {
        engine.store.failWrites(FULL);
        Applier.Result r = engine.apply(engine.plan());

        List<Diagnostic> errors = errors(r);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("fake_thing.a was not created: " + FULL + ".", errors.get(0).summary());
        assertTrue(errors.get(0).detail().startsWith("Nothing was done to it."), errors.get(0).detail());
        assertEquals(List.of(), engine.provider.calls());
        assertFalse(errors.get(0).summary().contains("Internal error"));
    }

    @Test
    void aDestroyWhoseSaveFailsSaysTheObjectIsGoneButStillInTheState() {
        engine.applyOk(engine.plan());
        engine.provider.clearCalls();
        Plan destroy = engine.plan(Plan.Mode.DESTROY).plan();
        // b goes first; the state fails once its delete has been asked for.
        Runnable fill = () -> engine.store.failWrites(FULL);
        Applier.Result r = new Applier(engine.providers, dev.berth.engine.functions.FunctionRegistry.standard(),
                engine.store, new dev.berth.engine.run.RunHooks() {
                    @Override
                    public void applying(ResourceInstanceAddr a, Action action, String id) {
                        if (a.equals(addr("fake_thing.b"))) fill.run();
                    }
                }).apply(engine.config(), destroy, 4);

        List<Diagnostic> errors = errors(r);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("fake_thing.b was destroyed but is still in the state: " + FULL + ".", errors.get(0).summary());
        assertEquals(List.of("delete fake_thing.b"), engine.provider.calls(), "a is not destroyed after the failure");
        assertTrue(engine.store.read().resources().containsKey(addr("fake_thing.b")));
    }
}
