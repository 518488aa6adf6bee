package dev.berth.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider rows berth 0.1 kept in the state file are handed over once, and only when the taker succeeds. */
class LegacyProviderRowsTest {

    @TempDir
    Path dir;

    private Path oldFile() throws Exception {
        Path file = dir.resolve("berth.db");
        // The tables exist in every state file (schema migration 1); berth 0.1 wrote them like this.
        SqliteStateStore.open(file).close();
        sql(file, "INSERT INTO provider_kv VALUES ('ecs', 'clusters', 'arn:c/main', '{\"name\":\"main\"}'),"
                + " ('ecs', 'tasks', 't1', '{\"seq\":1}'), ('ecs', 'tasks', 't2', '{\"seq\":2}'),"
                + " ('other', 'things', 'x', '{}')");
        sql(file, "INSERT INTO provider_counters VALUES ('ecs', 'task-seq', 2), ('ecs', 'family:web', 3),"
                + " ('other', 'n', 9)");
        return file;
    }

    @Test
    void rowsAndCountersAreHandedOverOnceThenGone() throws Exception {
        Path file = oldFile();
        List<SqliteStateStore.ProviderRows> taken = new ArrayList<>();
        try (SqliteStateStore s = SqliteStateStore.open(file)) {
            assertTrue(s.handOverProviderRows("ecs", taken::add));
            assertFalse(s.handOverProviderRows("ecs", taken::add), "a second hand-over finds nothing");
        }
        assertEquals(1, taken.size());
        assertEquals(Map.of("clusters", Map.of("arn:c/main", "{\"name\":\"main\"}"),
                "tasks", Map.of("t1", "{\"seq\":1}", "t2", "{\"seq\":2}")), taken.get(0).tables());
        assertEquals(Map.of("task-seq", 2L, "family:web", 3L), taken.get(0).counters());
        assertEquals(List.of("other"), column(file, "SELECT DISTINCT provider FROM provider_kv"));
        assertEquals(List.of("other"), column(file, "SELECT DISTINCT provider FROM provider_counters"));
    }

    @Test
    void aTakerThatFailsLeavesEveryRowInPlace() throws Exception {
        Path file = oldFile();
        try (SqliteStateStore s = SqliteStateStore.open(file)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> s.handOverProviderRows("ecs", rows -> {
                        throw new IllegalStateException("collision");
                    }));
            assertEquals("collision", e.getMessage());
        }
        assertEquals(List.of("3"), column(file, "SELECT count(*) FROM provider_kv WHERE provider = 'ecs'"));
        assertEquals(List.of("2"), column(file, "SELECT count(*) FROM provider_counters WHERE provider = 'ecs'"));
    }

    @Test
    void aFileWithoutProviderRowsNeverCallsTheTakerNorChangesTheState() {
        try (SqliteStateStore s = SqliteStateStore.open(dir.resolve("berth.db"))) {
            assertFalse(s.handOverProviderRows("ecs", rows -> {
                throw new AssertionError("nothing to take");
            }));
            assertEquals(0, s.read().serial());
        }
    }

    private static void sql(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> column(Path file, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
