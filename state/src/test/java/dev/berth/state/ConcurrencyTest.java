package dev.berth.state;

import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Two store instances on one file stand for the CLI and the agent; each is driven from several
 * threads as the apply walker does.
 */
class ConcurrencyTest {

    private static final int THREADS_PER_STORE = 5;
    private static final int COMMITS_PER_THREAD = 20;

    @TempDir
    Path dir;

    @Test
    void concurrentCommitsFromTwoStoresLoseNothing() throws Exception {
        Path file = dir.resolve("berth.db");
        try (SqliteStateStore a = SqliteStateStore.open(file); SqliteStateStore b = SqliteStateStore.open(file)) {
            ConcurrentLinkedQueue<Long> serials = new ConcurrentLinkedQueue<>();
            runEverywhere(a, b, (store, worker, i) -> serials.add(
                    store.commit(List.of(Fixtures.put("w" + worker + "_" + i, "v" + i)), "apply")));

            int total = 2 * THREADS_PER_STORE * COMMITS_PER_THREAD;
            Set<Long> distinct = new HashSet<>(serials);
            assertEquals(total, distinct.size(), "every commit must get its own serial");
            StateSnapshot snap = b.read();
            assertEquals(total, snap.serial());
            assertEquals(total, snap.resources().size());
            List<Long> kept = a.history().stream().map(StateVersion::serial).toList();
            List<Long> expected = new ArrayList<>();
            for (long s = 1; s <= total; s++) expected.add(s);
            assertEquals(expected, kept);
            // Replaying the undo log all the way back must work under the same interleaving.
            assertEquals(1, a.readAt(1).resources().size());
        }
    }

    @Test
    void aCommitWaitsForAnotherProcessesWriteTransactionInsteadOfFailing() throws Exception {
        Path file = dir.resolve("berth.db");
        try (SqliteStateStore store = SqliteStateStore.open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = other.createStatement()) {
            store.commit(List.of(Fixtures.put("a", "v1")), "apply");
            assertEquals(1, store.read().serial());
            // Another process takes the write lock and writes, after this store last read.
            st.execute("BEGIN IMMEDIATE");
            st.execute("INSERT INTO meta VALUES ('written-by', 'another process')");
            CompletableFuture<Long> commit = CompletableFuture.supplyAsync(
                    () -> store.commit(List.of(Fixtures.put("b", "v1")), "apply"));
            Thread.sleep(500);
            assertFalse(commit.isDone(), "the commit must queue behind the other writer");
            st.execute("COMMIT");
            assertEquals(2, commit.get(5, TimeUnit.SECONDS));
            assertEquals(2, store.read().resources().size());
        }
    }

    private interface Step {
        void run(SqliteStateStore store, int worker, int iteration);
    }

    private static void runEverywhere(SqliteStateStore a, SqliteStateStore b, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_STORE);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 2 * THREADS_PER_STORE; w++) {
                SqliteStateStore store = w % 2 == 0 ? a : b;
                int worker = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < COMMITS_PER_THREAD; i++) step.run(store, worker, i);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
