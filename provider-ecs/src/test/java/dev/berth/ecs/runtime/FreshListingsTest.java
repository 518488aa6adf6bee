package dev.berth.ecs.runtime;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.RuntimeFailure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreshListingsTest {
    private final FreshListings<List<ContainerInfo>> listings = new FreshListings<>();

    @Test
    void callsArrivingDuringAListingShareTheNextOneNeverTheOneInHand() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch firstInHand = new CountDownLatch(1), releaseFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> first = threads.submit(() -> listings.list("e", held(made, firstInHand, releaseFirst)).size());
            assertTrue(firstInHand.await(5, TimeUnit.SECONDS));
            Future<Integer> second = threads.submit(() -> listings.list("e", () -> listing(made.incrementAndGet())).size());
            Future<Integer> third = threads.submit(() -> listings.list("e", () -> listing(made.incrementAndGet())).size());
            Thread.sleep(200);
            releaseFirst.countDown();
            assertEquals(1, first.get(5, TimeUnit.SECONDS));
            assertEquals(2, second.get(5, TimeUnit.SECONDS), "a listing that began before the call is not its answer");
            assertEquals(2, third.get(5, TimeUnit.SECONDS), "calls waiting together share one listing");
            assertEquals(2, made.get());
        } finally {
            releaseFirst.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * Overlapping listings: a call arriving while the newest one runs begins its own at once and
     * is answered by it while the older one still runs; calls past the limit share the newest.
     */
    @Test
    void withOverlapACallDuringAListingBeginsItsOwnAtOnce() throws Exception {
        FreshListings<List<ContainerInfo>> looks = FreshListings.overlapping(2);
        AtomicInteger made = new AtomicInteger();
        CountDownLatch firstInHand = new CountDownLatch(1), releaseFirst = new CountDownLatch(1);
        CountDownLatch secondInHand = new CountDownLatch(1), releaseSecond = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> first = threads.submit(() -> looks.list("", held(made, firstInHand, releaseFirst)).size());
            assertTrue(firstInHand.await(5, TimeUnit.SECONDS));
            Future<Integer> second = threads.submit(() -> looks.list("", held(made, secondInHand, releaseSecond)).size());
            assertTrue(secondInHand.await(5, TimeUnit.SECONDS), "the second listing began while the first ran");
            Future<Integer> third = threads.submit(() -> looks.list("", () -> listing(made.incrementAndGet())).size());
            Thread.sleep(200);
            assertEquals(2, made.get(), "two at once at most: the third call waits for the newest");
            releaseSecond.countDown();
            assertEquals(2, second.get(5, TimeUnit.SECONDS), "answered while the first still runs");
            assertTrue(!first.isDone());
            assertEquals(3, third.get(5, TimeUnit.SECONDS), "the newest began before the third call: it lists again");
            releaseFirst.countDown();
            assertEquals(1, first.get(5, TimeUnit.SECONDS));
        } finally {
            releaseFirst.countDown();
            releaseSecond.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aCallAfterAListingEndedListsAgainAndFailuresReachTheirCallers() {
        AtomicInteger made = new AtomicInteger();
        assertEquals(1, listings.list("e", () -> listing(made.incrementAndGet())).size());
        assertEquals(2, listings.list("e", () -> listing(made.incrementAndGet())).size());
        assertEquals(1, listings.list("other", () -> listing(1)).size(), "each key lists on its own");
        assertThrows(RuntimeFailure.class, () -> listings.list("e", () -> {
            throw new RuntimeFailure("engine away", null);
        }));
        assertEquals(3, listings.list("e", () -> listing(3)).size());
    }

    /** A listing numbered by {@code made} that says it is in hand, then runs until {@code release}. */
    private static java.util.function.Supplier<List<ContainerInfo>> held(AtomicInteger made, CountDownLatch inHand,
                                                                         CountDownLatch release) {
        return () -> {
            int n = made.incrementAndGet();
            inHand.countDown();
            await(release);
            return listing(n);
        };
    }

    /** {@code n} containers, so an answer tells which listing made it. */
    private static List<ContainerInfo> listing(int n) {
        return java.util.Collections.nCopies(n, (ContainerInfo) null);
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An update that must not be called: the engine said nothing, or anything, changed. */
    private static List<ContainerInfo> noUpdate(List<ContainerInfo> listed, Changed changed) {
        throw new AssertionError("no partial update expected, got " + changed);
    }

    @Test
    void theLastListingAnswersAgainOnlyWhileTheEngineSaysNothingChangedSinceItBegan() {
        AtomicInteger made = new AtomicInteger();
        java.util.List<java.time.Instant> askedAbout = new java.util.ArrayList<>();
        java.time.Instant before = java.time.Instant.now();
        assertEquals(1, listings.list("e", () -> listing(made.incrementAndGet()), since -> {
            throw new AssertionError("nothing to reuse yet");
        }, FreshListingsTest::noUpdate).size());
        assertEquals(1, listings.list("e", () -> listing(made.incrementAndGet()), since -> {
            askedAbout.add(since);
            return Changed.NOTHING;
        }, FreshListingsTest::noUpdate).size(), "unchanged: the last listing answers");
        assertEquals(1, made.get());
        assertEquals(1, askedAbout.size());
        assertTrue(!askedAbout.get(0).isBefore(before), "asked about the moment that listing began");
        assertEquals(2, listings.list("e", () -> listing(made.incrementAndGet()), since -> Changed.ANYTHING,
                FreshListingsTest::noUpdate).size(), "changed: listed again");
        assertEquals(2, listings.list("e", () -> listing(made.incrementAndGet()), since -> Changed.NOTHING,
                FreshListingsTest::noUpdate).size());
        assertEquals(2, made.get());
    }

    @Test
    void whenSomeContainersChangedOnlyTheyAreListedAgainAndTheUpdateAnswersFromThen() {
        ContainerInfo a = container("a", "running");
        ContainerInfo b = container("b", "running");
        AtomicInteger made = new AtomicInteger();
        List<ContainerInfo> first = listings.list("e", () -> {
            made.incrementAndGet();
            return List.of(b, a);
        }, since -> Changed.ANYTHING, FreshListingsTest::noUpdate);
        java.time.Instant listedBy = java.time.Instant.now();

        ContainerInfo bDead = container("b", "exited");
        ContainerInfo c = container("c", "running");
        java.util.List<java.time.Instant> askedAbout = new java.util.ArrayList<>();
        List<ContainerInfo> second = listings.list("e", () -> {
            made.incrementAndGet();
            return List.of();
        }, since -> {
            askedAbout.add(since);
            return Changed.containers(java.util.Set.of("b", "c", "gone"));
        }, (listed, changed) -> {
            assertEquals(first, listed, "the update starts from the last listing");
            return changed.applyTo(listed, List.of(c, bDead));
        });
        assertEquals(1, made.get(), "no whole listing");
        assertEquals(List.of(c, bDead, a), second, "changed ones replaced or added, the rest kept");
        assertTrue(!askedAbout.get(0).isAfter(listedBy), "asked about the moment the first listing began");

        java.time.Instant beforeSecond = java.time.Instant.now();
        List<java.time.Instant> askedNext = new java.util.ArrayList<>();
        assertEquals(second, listings.list("e", () -> listing(9), since -> {
            askedNext.add(since);
            return Changed.NOTHING;
        }, FreshListingsTest::noUpdate), "the updated listing answers next");
        assertTrue(askedNext.get(0).isAfter(askedAbout.get(0)) && !askedNext.get(0).isAfter(beforeSecond),
                "and is asked about from when its update began");
    }

    @Test
    void aCallArrivingDuringAnUpdateWaitsForItInsteadOfListingTheSameContainersAgain() throws Exception {
        ContainerInfo a = container("a", "running");
        ContainerInfo aDead = container("a", "exited");
        listings.list("e", () -> List.of(a), since -> Changed.ANYTHING, FreshListingsTest::noUpdate);
        java.time.Instant afterFirst = java.time.Instant.now();
        // The engine's word: "a" changed after the first listing began, and nothing since.
        java.util.function.Function<java.time.Instant, Changed> engine =
                since -> since.isBefore(afterFirst) ? Changed.containers(java.util.Set.of("a")) : Changed.NOTHING;
        AtomicInteger updates = new AtomicInteger();
        CountDownLatch inHand = new CountDownLatch(1), release = new CountDownLatch(1);
        java.util.function.BiFunction<List<ContainerInfo>, Changed, List<ContainerInfo>> relist = (listed, changed) -> {
            updates.incrementAndGet();
            inHand.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return changed.applyTo(listed, List.of(aDead));
        };
        Thread.sleep(5); // the update begins after the moment the engine's word is about
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<ContainerInfo>> first = threads.submit(() -> listings.list("e", () -> listing(9), engine, relist));
            assertTrue(inHand.await(5, TimeUnit.SECONDS));
            Future<List<ContainerInfo>> second = threads.submit(() -> listings.list("e", () -> listing(9), engine, relist));
            Thread.sleep(200);
            release.countDown();
            assertEquals(List.of(aDead), first.get(5, TimeUnit.SECONDS));
            assertEquals(List.of(aDead), second.get(5, TimeUnit.SECONDS), "the update in hand, confirmed by the engine");
            assertEquals(1, updates.get(), "the changed container was listed again once");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedUpdateLeavesItsWaitersToListForThemselves() throws Exception {
        listings.list("e", () -> listing(1), since -> Changed.ANYTHING, FreshListingsTest::noUpdate);
        CountDownLatch inHand = new CountDownLatch(1), release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<ContainerInfo>> failing = threads.submit(() -> listings.list("e", () -> listing(9),
                    since -> Changed.containers(java.util.Set.of("a")), (listed, changed) -> {
                        inHand.countDown();
                        try {
                            release.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new RuntimeFailure("engine away", null);
                    }));
            assertTrue(inHand.await(5, TimeUnit.SECONDS));
            Future<List<ContainerInfo>> waiting = threads.submit(() -> listings.list("e", () -> listing(3),
                    since -> Changed.NOTHING, FreshListingsTest::noUpdate));
            Thread.sleep(100);
            release.countDown();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> failing.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof RuntimeFailure);
            assertEquals(3, waiting.get(5, TimeUnit.SECONDS).size(), "listed whole");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedListingIsNeverReused() {
        assertThrows(RuntimeFailure.class, () -> listings.list("e", () -> {
            throw new RuntimeFailure("engine away", null);
        }, since -> Changed.NOTHING, FreshListingsTest::noUpdate));
        assertEquals(4, listings.list("e", () -> listing(4), since -> Changed.NOTHING, FreshListingsTest::noUpdate).size());
    }

    private static ContainerInfo container(String id, String state) {
        return new ContainerInfo(id, "/" + id, "img", java.util.Map.of(), state, null, List.of(), 0, 0, 0,
                java.util.Map.of(), null, 0, false);
    }
}
