package dev.berth.ecs.runtime.docker;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grouping of metadata server launches into execs, with a fake exec (pure logic). */
class LaunchBatchesTest {
    private static LaunchBatches.Request request(String owner, int packed) {
        return new LaunchBatches.Request(owner, 100, "x".repeat(packed));
    }

    @Test
    void requestsMadeWhileAnExecRunsGoTogetherInTheNextOne() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1), releaseFirst = new CountDownLatch(1);
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        LaunchBatches b = new LaunchBatches(batch -> {
            batches.add(batch.stream().map(LaunchBatches.Request::ownerId).toList());
            if (batch.get(0).ownerId().equals("first")) {
                firstRunning.countDown();
                await(releaseFirst);
            }
            return batch.stream().map(r -> LaunchBatches.Outcome.of(!r.ownerId().equals("gone"))).toList();
        });
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            Future<Boolean> first = threads.submit(() -> b.launch(request("first", 10)));
            assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
            List<Future<Boolean>> later = new ArrayList<>();
            for (String owner : List.of("a", "b", "gone", "c")) later.add(threads.submit(() -> b.launch(request(owner, 10))));
            // All four are queued behind the running exec before it ends.
            while (b.waiting() < 4) Thread.sleep(5);
            releaseFirst.countDown();
            assertTrue(first.get(10, TimeUnit.SECONDS));
            assertTrue(later.get(0).get(10, TimeUnit.SECONDS));
            assertTrue(later.get(1).get(10, TimeUnit.SECONDS));
            assertFalse(later.get(2).get(10, TimeUnit.SECONDS), "an owner whose process had ended");
            assertTrue(later.get(3).get(10, TimeUnit.SECONDS));
            assertEquals(2, batches.size(), "one exec for the first, one for the four that waited: " + batches);
            assertEquals(List.of("first"), batches.get(0));
            assertEquals(4, batches.get(1).size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedExecFailsEveryRequestItCarried() {
        IllegalStateException boom = new IllegalStateException("the metadata agent answered 137");
        LaunchBatches b = new LaunchBatches(batch -> {
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalStateException.class, () -> b.launch(request("a", 1))));
        // The next caller leads again: a failure leaves no one stuck as leader.
        assertSame(boom, assertThrows(IllegalStateException.class, () -> b.launch(request("b", 1))));
    }

    @Test
    void oneRequestsFailureIsItsOwn() {
        LaunchBatches b = new LaunchBatches(batch -> batch.stream().map(r -> r.ownerId().equals("bad")
                ? LaunchBatches.Outcome.failed(new IllegalStateException("bind failed"))
                : LaunchBatches.Outcome.of(true)).toList());
        assertTrue(b.launch(request("good", 1)));
        assertEquals("bind failed", assertThrows(IllegalStateException.class, () -> b.launch(request("bad", 1)))
                .getMessage());
    }

    @Test
    void aBatchStopsBeforeItsDocumentsGrowTooLargeForOneExec() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1), releaseFirst = new CountDownLatch(1);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        LaunchBatches b = new LaunchBatches(batch -> {
            sizes.add(batch.size());
            if (batch.get(0).ownerId().equals("first")) {
                firstRunning.countDown();
                await(releaseFirst);
            }
            return batch.stream().map(r -> LaunchBatches.Outcome.of(true)).toList();
        });
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<Boolean> first = threads.submit(() -> b.launch(request("first", 1)));
            assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
            int big = LaunchBatches.MAX_PACKED / 2 + 1;
            List<Future<Boolean>> later = new ArrayList<>();
            for (String owner : List.of("a", "b", "c")) later.add(threads.submit(() -> b.launch(request(owner, big))));
            while (b.waiting() < 3) Thread.sleep(5);
            releaseFirst.countDown();
            assertTrue(first.get(10, TimeUnit.SECONDS));
            for (Future<Boolean> f : later) assertTrue(f.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(1, 1, 1, 1), sizes, "no two of the large ones fit one exec");
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
