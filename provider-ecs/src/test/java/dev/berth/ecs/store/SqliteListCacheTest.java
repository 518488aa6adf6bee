package dev.berth.ecs.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A listed table is kept between lists, yet every list shows what is committed, whoever wrote it. */
class SqliteListCacheTest {
    @TempDir
    Path dir;

    @Test
    void aListSeesEveryWriteOfThisStoreAndOfAnotherConnection() throws Exception {
        Path file = dir.resolve("ecs.db");
        try (SqliteEcsStore mine = SqliteEcsStore.open(file); SqliteEcsStore other = SqliteEcsStore.open(file)) {
            mine.put("tasks", "a", "1");
            assertEquals(Map.of("a", "1"), mine.list("tasks"));
            mine.put("tasks", "b", "2");
            mine.delete("tasks", "a");
            assertEquals(Map.of("b", "2"), mine.list("tasks"));
            mine.writeAll(List.of(new EcsStore.Write("tasks", "c", "3"), new EcsStore.Write("tasks", "b", null)));
            assertEquals(Map.of("c", "3"), mine.list("tasks"));
            other.put("tasks", "d", "4");
            assertEquals(Map.of("c", "3", "d", "4"), mine.list("tasks"), "another connection's commit is seen");
            other.delete("tasks", "c");
            assertEquals(Map.of("d", "4"), mine.list("tasks"));
            assertEquals(Map.of("d", "4"), other.list("tasks"));
        }
    }

    @Test
    void anUnchangedTableIsNotReadAgainAndWhatWasHandedOutNeverChanges() {
        try (SqliteEcsStore s = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            s.put("tasks", "a", "1");
            Map<String, String> first = s.list("tasks");
            assertSame(first, s.list("tasks"), "the same table, not read again");
            s.put("tasks", "b", "2");
            assertEquals(Map.of("a", "1"), first, "a list handed out is a snapshot");
            assertThrows(UnsupportedOperationException.class, () -> first.put("x", "y"));
            assertEquals(Map.of("a", "1", "b", "2"), s.list("tasks"));
        }
    }
}
