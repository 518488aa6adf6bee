package dev.berth.ecs.batch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The group commit itself (pure logic); its two uses have tests of their own. */
class GroupRunTest {

    /** A thread per caller: the common pool may have fewer threads than callers who block. */
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @org.junit.jupiter.api.AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aRequestInterruptedWhileItWaitsIsStillRunAndKeepsTheInterrupt() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupRun<String, String> group = new GroupRun<>(10, r -> 1, 10, batch -> {
            batches.add(batch);
            if (batch.contains("first")) {
                firstRunning.countDown();
                await(release);
            }
            return batch.stream().map(r -> GroupRun.Outcome.of(r + " done")).toList();
        });
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> group.submit("first"), callers);
        assertTrue(firstRunning.await(5, TimeUnit.SECONDS));
        String[] answer = new String[1];
        boolean[] interruptedAfter = new boolean[1];
        Thread second = new Thread(() -> {
            answer[0] = group.submit("second");
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
        });
        second.start();
        while (group.waiting() < 1) Thread.sleep(5);
        second.interrupt();
        Thread.sleep(50);
        release.countDown();
        second.join(5_000);
        assertEquals("first done", first.get(5, TimeUnit.SECONDS));
        assertEquals("second done", answer[0]);
        assertTrue(interruptedAfter[0], "the interrupt is kept for the caller");
        assertEquals(List.of(List.of("first"), List.of("second")), batches);
    }

    @Test
    void aBatchStopsAtItsCountAndTheRestGoNext() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupRun<Integer, Integer> group = new GroupRun<>(2, r -> 0, 0, batch -> {
            batches.add(batch);
            if (batch.contains(0)) {
                firstRunning.countDown();
                await(release);
            }
            return batch.stream().map(GroupRun.Outcome::of).toList();
        });
        List<CompletableFuture<Integer>> done = new ArrayList<>();
        done.add(CompletableFuture.supplyAsync(() -> group.submit(0), callers));
        assertTrue(firstRunning.await(5, TimeUnit.SECONDS));
        for (int i = 1; i <= 3; i++) {
            int n = i;
            done.add(CompletableFuture.supplyAsync(() -> group.submit(n), callers));
            while (group.waiting() < i) Thread.sleep(5);
        }
        release.countDown();
        for (int i = 0; i <= 3; i++) assertEquals(i, done.get(i).get(5, TimeUnit.SECONDS));
        assertEquals(List.of(List.of(0), List.of(1, 2), List.of(3)), batches);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
