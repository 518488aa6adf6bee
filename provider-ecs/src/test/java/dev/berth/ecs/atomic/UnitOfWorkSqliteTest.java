package dev.berth.ecs.atomic;

import dev.berth.ecs.store.EcsStore.Write;
import dev.berth.ecs.store.SqliteEcsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A unit of work reaches the SQLite file as one transaction: all of its rows, or none. */
class UnitOfWorkSqliteTest {
    @TempDir
    Path dir;

    @Test
    void writesThatFailHalfWayInTheFileLeaveNoneOfThem() {
        try (SqliteEcsStore file = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            file.put("services", "old", "{}");
            // The third write breaks the table's NOT NULL rule after two have been made.
            List<Write> writes = List.of(new Write("services", "web", "{\"desiredCount\":2}"),
                    new Write("services", "old", null), new Write("services", null, "{}"));
            assertThrows(RuntimeException.class, () -> file.writeAll(writes));
            assertEquals(Map.of("old", "{}"), file.list("services"));
        }
    }

    @Test
    void aCommittedUnitIsInTheFile() {
        try (SqliteEcsStore file = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            UnitOfWorkStore store = new UnitOfWorkStore(file);
            new Atomicity(store).change(() -> {
                store.put("services", "web", "1");
                store.put("tasks", "t1", "2");
                return null;
            });
            assertEquals(Map.of("web", "1"), file.list("services"));
            assertEquals(Map.of("t1", "2"), file.list("tasks"));
        }
    }
}
