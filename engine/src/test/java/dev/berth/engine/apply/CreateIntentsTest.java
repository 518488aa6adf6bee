package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.state.CreateIntent;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.testkit.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.berth.engine.testkit.TestEngine.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A create cut short after the provider made the object is found by its token and adopted. */
class CreateIntentsTest {
    static final String PAIR = """
            resource "fake_thing" "a" {
              name = "a"
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

    /** An apply whose create of fake_thing.b made the object and then died, as kill -9 would leave it. */
    private void applyKilledDuringCreateOfB() {
        engine.configure(PAIR);
        engine.provider.dieDuringCreateOf("fake_thing.b");
        Applier.Result r = engine.apply(engine.plan());
        assertTrue(r.hasErrors(), "the simulated death surfaces as an error in-process");
        assertFalse(engine.store.read().resources().containsKey(addr("fake_thing.b")), "b's result was never saved");
    }

    @Test
    void aCreateLeavesItsIntentWhenItsRunDiesAndSettlesItWhenItFinishes() {
        applyKilledDuringCreateOfB();
        List<CreateIntent> left = engine.store.intents();
        assertEquals(List.of(addr("fake_thing.b")), left.stream().map(CreateIntent::addr).toList(),
                "only the create that never returned is unsettled");
        assertEquals(List.of("fake_thing.a"), left.get(0).dependencies());
    }

    @Test
    void theNextRunAdoptsWhatTheKilledCreateMadeAndDoesNotMakeItTwice() {
        applyKilledDuringCreateOfB();
        CreateIntents.Result settled = CreateIntents.settle(engine.store, engine.providers);

        assertEquals(1, settled.adopted().size(), settled.toString());
        assertEquals(addr("fake_thing.b"), settled.adopted().get(0).addr());
        ResourceState b = engine.store.read().resource(addr("fake_thing.b")).orElseThrow();
        assertEquals(List.of("fake_thing.a"), b.dependencies(), "adopted with the dependencies it was created with");
        assertFalse(b.tainted());
        assertEquals(List.of(), engine.store.intents());

        engine.provider.clearCalls();
        Plan next = engine.plan();
        assertEquals(Action.NO_OP, change(next, "fake_thing.b").action(), "the adopted object already matches");
        engine.applyOk(next);
        assertEquals(List.of(), engine.provider.calls(), "nothing is created a second time");
    }

    @Test
    void destroyAfterTheKillRemovesTheAdoptedObjectBeforeWhatItDependsOn() {
        applyKilledDuringCreateOfB();
        CreateIntents.settle(engine.store, engine.providers);
        engine.provider.clearCalls();
        engine.applyOk(engine.plan(Plan.Mode.DESTROY).plan());
        assertEquals(List.of("delete fake_thing.b", "delete fake_thing.a"), engine.provider.calls());
        assertTrue(engine.store.read().resources().isEmpty());
    }

    @Test
    void anIntentWhoseCreateMadeNothingIsDropped() {
        engine.store.recordIntent(new CreateIntent(addr("fake_thing.z"), "never-used", "fake", 0, List.of(),
                Instant.now()));
        CreateIntents.Result settled = CreateIntents.settle(engine.store, engine.providers);
        assertEquals(List.of(), settled.adopted());
        assertEquals(List.of(), engine.store.intents());
        assertFalse(engine.store.read().resources().containsKey(addr("fake_thing.z")));
    }
}
