package dev.berth.ecs.taskdef;

import dev.berth.ecs.EcsProvider;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.store.EcsStore;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.ecs.fake.Configs.taskDef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refresh hands the provider its task definitions in batches: the control plane in this
 * process describes a batch with a few reads of its store, whatever its size, and answers for each
 * exactly what reading it alone answers (gone, deregistered, tagged, track_latest, changed behind
 * the state).
 */
class TaskDefinitionBatchReadTest {
    private static final String TYPE = "ecs_task_definition";
    private static final int COUNT = 40;

    /** Counts the store's reads of single rows and of batches. */
    private static final class CountingStore implements EcsStore {
        final MemoryStore inner = new MemoryStore();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Optional<String> get(String table, String key) {
            reads.incrementAndGet();
            return inner.get(table, key);
        }

        @Override
        public Map<String, String> getAll(String table, Collection<String> keys) {
            reads.incrementAndGet();
            Map<String, String> out = new java.util.HashMap<>();
            for (String key : keys) inner.get(table, key).ifPresent(json -> out.put(key, json));
            return out;
        }

        @Override
        public void put(String table, String key, String json) {
            inner.put(table, key, json);
        }

        @Override
        public void delete(String table, String key) {
            inner.delete(table, key);
        }

        @Override
        public Map<String, String> list(String table) {
            reads.incrementAndGet();
            return inner.list(table);
        }

        @Override
        public long next(String counter) {
            return inner.next(counter);
        }
    }

    private final CountingStore store = new CountingStore();
    private final EcsProvider provider = new EcsProvider(store, host -> new FakeRuntime());

    @AfterEach
    void close() {
        provider.close();
    }

    private MapValue create(MapValue config) {
        ResourceInstanceAddr addr = ResourceInstanceAddr.of(TYPE, "x");
        MapValue planned = provider.plan(new PlanRequest(addr, TYPE, null, config)).planned();
        MapValue state = provider.apply(new ApplyRequest(addr, TYPE, null, planned, config)).newState();
        assertNotNull(state);
        return state;
    }

    private static MapValue config(int i) {
        return taskDef("family", "app-" + i, "container_definitions",
                "[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":128,\"environment\":[{\"name\":\"I\",\"value\":\"" + i
                        + "\"}]}]");
    }

    @Test
    void aBatchIsAFewStoreReadsAndAnswersAsReadingEachAlone() {
        List<MapValue> states = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) states.add(create(config(i)));
        // One tagged, one deregistered, one following its family's latest revision, one whose
        // containers changed behind the state, one never registered at all.
        states.set(1, create(config(1).with("tags", new MapValue(Map.of("team", Value.of("a"))))));
        provider.apply(new ApplyRequest(ResourceInstanceAddr.of(TYPE, "x"), TYPE, states.get(2), null, config(2)));
        states.set(3, states.get(3).with("track_latest", Value.of(true)));
        create(config(3).with("memory", Value.of("1024")));
        String arn4 = "arn:aws:ecs:local:000000000000:task-definition/app-4:1";
        store.put("task_definitions", arn4, store.inner.get("task_definitions", arn4).orElseThrow()
                .replace("nginx", "httpd"));
        states.add(states.get(5).with("arn", Value.of("arn:aws:ecs:local:000000000000:task-definition/never:1")));

        List<ReadRequest> requests = new ArrayList<>();
        for (MapValue s : states) requests.add(new ReadRequest(ResourceInstanceAddr.of(TYPE, "x"), TYPE, s));
        store.reads.set(0);
        List<ReadResponse> batch = provider.readAll(requests);
        int batchReads = store.reads.get();
        store.reads.set(0);
        List<ReadResponse> alone = requests.stream().map(provider::read).toList();
        int aloneReads = store.reads.get();

        assertEquals(alone, batch);
        assertNull(batch.get(2).state(), "a deregistered revision reads as gone");
        assertNull(batch.get(COUNT).state(), "a revision never registered reads as gone");
        assertEquals(Value.of(2), batch.get(3).state().get("revision"), "track_latest follows the family");
        assertTrue(batch.get(4).state().get("container_definitions").toString().contains("httpd"));
        assertEquals(new MapValue(Map.of("team", Value.of("a"))), batch.get(1).state().get("tags"));
        // The revision and its tags (which live in two tables) at once; track_latest's family by
        // itself, as ECS's latest-revision lookup is.
        assertTrue(batchReads <= 6, "store reads for a batch of " + requests.size() + ": " + batchReads);
        assertTrue(aloneReads >= 3 * COUNT, "store reads one by one: " + aloneReads);
    }
}
