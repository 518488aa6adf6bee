package dev.berth.ecs.store;

import dev.berth.ecs.fake.MemoryStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskTableTest {
    /** A store whose process is killed after its first delete; writeAll is one transaction, as SQLite's. */
    private static final class KilledAfterOneDelete implements EcsStore {
        final MemoryStore data = new MemoryStore();
        int deletes;

        @Override
        public Optional<String> get(String table, String key) {
            return data.get(table, key);
        }

        @Override
        public void put(String table, String key, String json) {
            data.put(table, key, json);
        }

        @Override
        public void delete(String table, String key) {
            if (++deletes > 1) throw new IllegalStateException("killed");
            data.delete(table, key);
        }

        @Override
        public Map<String, String> list(String table) {
            return data.list(table);
        }

        @Override
        public long next(String counter) {
            return data.next(counter);
        }

        @Override
        public void writeAll(List<Write> writes) {
            if (++deletes > 1) throw new IllegalStateException("killed");
            for (Write w : writes) {
                if (w.json() == null) data.delete(w.table(), w.key());
                else data.put(w.table(), w.key(), w.json());
            }
        }
    }

    @Test
    void aDeleteKilledPartWayNeverLeavesAReservationWithoutItsTask() {
        KilledAfterOneDelete store = new KilledAfterOneDelete();
        String arn = "arn:aws:ecs:local:000000000000:task/c/t1";
        store.put(TaskRow.TABLE, arn, Json.write(new TaskRow(arn, "svc", "c", "td:1", "RUNNING", 1, null, null, null,
                List.of(), Map.of())));
        store.put(PlacementRow.TABLE, arn, Json.write(new PlacementRow(arn, "svc", null, null, 256, 512, List.of())));
        try {
            new TaskTable(store).delete(arn);
        } catch (IllegalStateException killed) {
            // What is left must be what a later delete finds again.
        }
        assertEquals(store.list(TaskRow.TABLE).isEmpty(), store.list(PlacementRow.TABLE).isEmpty(),
                "task rows " + store.list(TaskRow.TABLE).keySet() + ", placements " + store.list(PlacementRow.TABLE).keySet());
    }
}
