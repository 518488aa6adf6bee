package dev.berth.ecs.agent;

import dev.berth.ecs.fake.MemoryStore;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Signals between servers on one store: each reader learns each signalled service once. */
class ServiceSignalsTest {
    private static final String WEB = "arn:aws:ecs:local:000000000000:service/c/web";
    private static final String API = "arn:aws:ecs:local:000000000000:service/c/api";

    @Test
    void aReaderLearnsEachSignalOnceAndNothingFromBeforeItStarted() {
        MemoryStore store = new MemoryStore();
        ServiceSignals caller = new ServiceSignals(store);
        caller.raise(WEB);
        ServiceSignals keeper = new ServiceSignals(store);
        assertEquals(Set.of(), keeper.changed(), "what was signalled before it started is its first resync's");
        assertEquals(Set.of(), keeper.changed());
        caller.raise(API);
        caller.raise(WEB);
        assertEquals(Set.of(API, WEB), keeper.changed());
        assertEquals(Set.of(), keeper.changed(), "once only");
    }

    @Test
    void aReaderStartedOnAnEmptyStoreLearnsTheFirstSignal() {
        MemoryStore store = new MemoryStore();
        ServiceSignals keeper = new ServiceSignals(store);
        assertEquals(Set.of(), keeper.changed());
        new ServiceSignals(store).raise(WEB);
        assertEquals(Set.of(WEB), keeper.changed());
    }

    @Test
    void aSignalCommittedAfterALaterOneIsStillSeen() {
        MemoryStore store = new MemoryStore();
        ServiceSignals keeper = new ServiceSignals(store);
        keeper.changed();
        // Server 1 draws 1 for web, server 2 draws 2 for api and commits first; server 1 commits after.
        long first = store.next(ServiceSignals.COUNTER);
        long second = store.next(ServiceSignals.COUNTER);
        store.put(ServiceSignals.TABLE, API, "{\"seq\":" + second + "}");
        store.put(ServiceSignals.TABLE, ServiceSignals.LATEST, "{\"seq\":" + second + "}");
        assertEquals(Set.of(API), keeper.changed());
        store.put(ServiceSignals.TABLE, WEB, "{\"seq\":" + first + "}");
        store.put(ServiceSignals.TABLE, ServiceSignals.LATEST, "{\"seq\":" + first + "}");
        assertEquals(Set.of(WEB), keeper.changed());
    }
}
