package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.store.InstanceRow;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** A control plane on an in-memory store and engine, with the drains it was asked for and a clock the test moves. */
final class Plane {
    final MemoryStore store = new MemoryStore();
    final FakeRuntime runtime = new FakeRuntime();
    final List<InstanceRow> drained = new ArrayList<>();
    final Fixture.MovableClock clock = new Fixture.MovableClock();
    final ControlPlane api = new ControlPlane(store, host -> runtime, instance -> {
        drained.add(instance);
        return List.of();
    }, clock);

    /** Runs the call and checks it fails with ECS's error name and message. */
    static void assertEcsError(String name, String message, Runnable call) {
        try {
            call.run();
        } catch (EcsException e) {
            assertEquals(name + ": " + message, e.toString());
            return;
        }
        fail("expected " + name + ": " + message);
    }
}
