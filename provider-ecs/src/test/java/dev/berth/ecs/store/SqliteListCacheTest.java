package dev.berth.ecs.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * A table listed twice is answered from memory while nobody commits; a commit by another
     * process (whose writes this store never sees go by) is still seen by the next list and get.
     */
    @Test
    void aTableAnsweredFromMemorySeesAnotherProcesssCommit() throws Exception {
        Path file = dir.resolve("ecs.db");
        try (SqliteEcsStore s = SqliteEcsStore.open(file)) {
            s.put("tasks", "a", "1");
            Map<String, String> first = s.list("tasks");
            assertSame(first, s.list("tasks"));
            assertEquals(Optional.of("1"), s.get("tasks", "a"));
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PutWorker.class.getName(), file.toString(), "tasks", "b", "2")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertEquals(Optional.of("2"), s.get("tasks", "b"), "a get sees the other process's row");
            assertEquals(Map.of("a", "1", "b", "2"), s.list("tasks"), "a list sees it");
            assertEquals(Map.of("b", "2"), s.getAll("tasks", List.of("b", "c")));
        }
    }

    /**
     * A list of a table held does not wait for a write in hand (which holds the connection for
     * its transaction): it answers what is committed, without the write until it returns.
     */
    @Test
    void aListDoesNotWaitForAWriteInHand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SqliteEcsStore s = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            s.put("tasks", "a", "1");
            s.list("tasks");
            s.list("services");
            CountDownLatch release = new CountDownLatch(1);
            Future<?> write = holdAWrite(s, pool, release);
            try {
                Future<Map<String, String>> read = pool.submit(() -> s.list("tasks"));
                assertEquals(Map.of("a", "1"), read.get(5, TimeUnit.SECONDS), "answered while the write is in hand");
            } finally {
                release.countDown();
            }
            write.get(30, TimeUnit.SECONDS);
            assertEquals(Map.of("a", "1", "b", "2"), s.list("tasks"), "and the write once it returned");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * With whole tables kept (berth server), a get of a table never listed does not wait for a
     * write in hand either, and still sees another connection's commit.
     */
    @Test
    void withWholeTablesKeptAGetDoesNotWaitForAWriteInHand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Path file = dir.resolve("ecs.db");
        try (SqliteEcsStore s = SqliteEcsStore.open(file); SqliteEcsStore other = SqliteEcsStore.open(file)) {
            s.keepWholeTables();
            s.put("clusters", "a", "1");
            assertEquals(Optional.of("1"), s.get("clusters", "a"));
            CountDownLatch release = new CountDownLatch(1);
            Future<?> write = holdAWrite(s, pool, release);
            try {
                Future<Optional<String>> read = pool.submit(() -> s.get("clusters", "a"));
                assertEquals(Optional.of("1"), read.get(5, TimeUnit.SECONDS), "answered while the write is in hand");
            } finally {
                release.countDown();
            }
            write.get(30, TimeUnit.SECONDS);
            other.put("clusters", "c", "3");
            assertEquals(Optional.of("3"), s.get("clusters", "c"), "another connection's row");
            assertEquals(Map.of("a", "1", "c", "3"), s.getAll("clusters", List.of("a", "c", "d")));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts a write of tasks/b = "2" that stays inside its transaction (holding the connection
     * and the cache's lock) until {@code release} is counted down; returns once it is in there.
     */
    private static Future<?> holdAWrite(SqliteEcsStore s, ExecutorService pool, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Future<?> write = pool.submit(() -> s.update("tasks", "b", now -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "2";
        }));
        assertTrue(inside.await(30, TimeUnit.SECONDS), "the write began");
        return write;
    }
}
