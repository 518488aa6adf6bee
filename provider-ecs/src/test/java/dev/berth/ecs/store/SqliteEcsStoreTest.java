package dev.berth.ecs.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteEcsStoreTest {

    @TempDir
    Path dir;

    @Test
    void putGetListDeleteSurviveReopen() {
        Path file = dir.resolve("ecs.db");
        try (SqliteEcsStore s = SqliteEcsStore.open(file)) {
            assertEquals(Optional.empty(), s.get("tasks", "t1"));
            s.put("tasks", "t2", "{\"n\":2}");
            s.put("tasks", "t1", "{\"n\":1}");
            s.put("tasks", "t1", "{\"n\":11}");
            s.put("events", "e1", "{}");
            s.delete("tasks", "absent");
            assertEquals(List.of("t1", "t2"), List.copyOf(s.list("tasks").keySet()));
        }
        try (SqliteEcsStore s = SqliteEcsStore.open(file)) {
            assertEquals(Optional.of("{\"n\":11}"), s.get("tasks", "t1"));
            s.delete("tasks", "t1");
            assertEquals(Map.of("t2", "{\"n\":2}"), s.list("tasks"));
            assertEquals(Map.of("e1", "{}"), s.list("events"));
            assertEquals(Map.of(), s.list("nothing"));
        }
    }

    /** A refresh reads its rows with one getAll; keys with quotes and other tables' rows must not confuse it. */
    @Test
    void getAllReadsTheRowsThatExistOfOneTableAtOnce() {
        try (SqliteEcsStore s = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            s.put("tasks", "t1", "{\"n\":1}");
            s.put("tasks", "say \"hi\", 'you'", "{\"n\":2}");
            s.put("events", "t3", "{}");
            assertEquals(Map.of("t1", "{\"n\":1}", "say \"hi\", 'you'", "{\"n\":2}"),
                    s.getAll("tasks", List.of("t1", "say \"hi\", 'you'", "t3", "absent")));
            assertEquals(Map.of(), s.getAll("tasks", List.of()));
        }
    }

    @Test
    void missingDirectoriesAreMadeOwnerOnlyAndTheFileIsOwnerOnly() throws IOException {
        Path file = dir.resolve("data/berth/ecs.db");
        Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(dir.resolve("shared"), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (SqliteEcsStore s = SqliteEcsStore.open(file)) {
            s.put("clusters", "c", "{}");
            // SQLite gives the write-ahead log and its index the database's mode.
            assertEquals("rw-------", mode(dir.resolve("data/berth/ecs.db-wal")));
            assertEquals("rw-------", mode(dir.resolve("data/berth/ecs.db-shm")));
        }
        try (SqliteEcsStore s = SqliteEcsStore.open(dir.resolve("shared/ecs.db"))) {
            s.put("clusters", "c", "{}");
        }
        assertEquals("rwx------", mode(dir.resolve("data")));
        assertEquals("rwx------", mode(dir.resolve("data/berth")));
        assertEquals("rw-------", mode(file));
        assertEquals("rwxr-xr-x", mode(dir.resolve("shared")), "an existing directory keeps its mode");
        assertEquals("rw-------", mode(dir.resolve("shared/ecs.db")));
    }

    @Test
    void theFileRunsInWalModeAndRecordsItsSchemaVersion() throws Exception {
        Path file = dir.resolve("ecs.db");
        SqliteEcsStore.open(file).close();
        assertEquals(List.of("wal"), column(file, "PRAGMA journal_mode"));
        assertEquals(List.of(String.valueOf(StoreSchema.LATEST)), column(file, "SELECT max(version) FROM schema_version"));
        SqliteEcsStore.open(file).close();
        assertEquals(List.of(String.valueOf(StoreSchema.LATEST)), column(file, "SELECT count(*) FROM schema_version"),
                "reopening runs no migration twice");
    }

    @Test
    void aFileFromANewerBerthIsRefusedInOneSentence() throws Exception {
        Path file = dir.resolve("ecs.db");
        SqliteEcsStore.open(file).close();
        column(file, "INSERT INTO schema_version VALUES (" + (StoreSchema.LATEST + 1) + ", 'later') RETURNING version");
        EcsStoreException e = assertThrows(EcsStoreException.class, () -> SqliteEcsStore.open(file));
        assertEquals("cannot open the ecs control plane " + file + ": it was written by a newer berth (schema version "
                + (StoreSchema.LATEST + 1) + "; this berth knows up to " + StoreSchema.LATEST + ")", e.getMessage());
    }

    @Test
    void aDirectoryOrAFileThatIsNotADatabaseIsAnErrorNamingTheFile() throws IOException {
        EcsStoreException isDir = assertThrows(EcsStoreException.class, () -> SqliteEcsStore.open(dir));
        assertEquals("cannot open the ecs control plane " + dir + ": it is a directory", isDir.getMessage());
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a database at all, just some text that is long enough to be read".repeat(20));
        EcsStoreException notDb = assertThrows(EcsStoreException.class, () -> SqliteEcsStore.open(junk));
        assertTrue(notDb.getMessage().startsWith("cannot open the ecs control plane " + junk + ": it is not a berth"
                + " control plane file, or it is damaged"), notDb.getMessage());
    }

    @Test
    void countersStartAtOneAndAreNeverReused() {
        Path file = dir.resolve("ecs.db");
        try (SqliteEcsStore s = SqliteEcsStore.open(file)) {
            assertEquals(1, s.next("task"));
            assertEquals(2, s.next("task"));
            assertEquals(1, s.next("family:web"));
        }
        try (SqliteEcsStore s = SqliteEcsStore.open(file)) {
            assertEquals(3, s.next("task"));
        }
    }

    /** Two processes and two connections in this one, each from several threads, draw from one counter. */
    @Test
    void aCounterNeverHandsOutAValueTwiceAcrossProcesses() throws Exception {
        Path file = dir.resolve("ecs.db");
        int perWorker = 40;
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CounterWorker.class.getName(), file.toString(), "task",
                    String.valueOf(perWorker)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        List<Long> values = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SqliteEcsStore a = SqliteEcsStore.open(file); SqliteEcsStore b = SqliteEcsStore.open(file)) {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                SqliteEcsStore s = t % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perWorker; i++) mine.add(s.next("task"));
                    return mine;
                }));
            }
            for (Future<List<Long>> f : futures) values.addAll(f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            for (String line : out.split("\n")) values.add(Long.parseLong(line.trim()));
        }
        int total = 6 * perWorker;
        Set<Long> expected = new TreeSet<>();
        for (long v = 1; v <= total; v++) expected.add(v);
        assertEquals(total, values.size());
        assertEquals(expected, new TreeSet<>(values));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static List<String> column(Path file, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
