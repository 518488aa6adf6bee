package dev.berth.ecs.store;

import dev.berth.sqlite.WalIndex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache's own bookkeeping, with a database that answers from a map and counts its reads. */
class TableCacheTest {
    private static final WalIndex.Stamp STAMP = new WalIndex.Stamp(1, 2, 3, 4, 5, 6);

    /**
     * After a write the tables are known current only once a list has asked the database again.
     * Lists that queued for the lock while one asked must take its answer, not each ask again.
     */
    @Test
    void listsQueuedBehindTheOneThatAsksTheDatabaseDoNotAskAgain() throws Exception {
        TableCache cache = new TableCache(() -> STAMP);
        TreeMap<String, String> rows = new TreeMap<>(Map.of("a", "1"));
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        TableCache.Reader database = version -> {
            reads.incrementAndGet();
            if (version != Long.MIN_VALUE) {
                asking.countDown();
                await(answer);
            }
            return new TableCache.Read(7, version == 7 ? null : new TreeMap<>(rows));
        };
        assertEquals(Map.of("a", "1"), cache.list("tasks", database));
        cache.writing(List.of(new EcsStore.Write("tasks", "b", "2")), () -> { });
        reads.set(0);

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<String, String>>> lists = new ArrayList<>();
            lists.add(pool.submit(() -> cache.list("tasks", database)));
            assertTrue(asking.await(10, TimeUnit.SECONDS));
            List<Thread> queued = new ArrayList<>();
            for (int i = 1; i < threads; i++) {
                lists.add(pool.submit(() -> {
                    synchronized (queued) {
                        queued.add(Thread.currentThread());
                    }
                    return cache.list("tasks", database);
                }));
            }
            waitUntilParked(queued, threads - 1);
            answer.countDown();
            for (Future<Map<String, String>> f : lists) {
                assertEquals(Map.of("a", "1", "b", "2"), f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reads.get(), "one list asked the database; the others took its answer");
    }

    private static void waitUntilParked(List<Thread> queued, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            synchronized (queued) {
                if (queued.size() == count && queued.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the lists did not queue for the lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
