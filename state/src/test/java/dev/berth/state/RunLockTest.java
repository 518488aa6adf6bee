package dev.berth.state;

import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateLockedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two store instances on one file stand for two processes. */
class RunLockTest {

    @TempDir
    Path dir;

    private static final LockInfo ALICE = new LockInfo("lock-alice", "apply", "alice@laptop",
            Instant.parse("2025-01-02T03:04:05.123456Z"));
    private static final LockInfo BOB = new LockInfo("lock-bob", "plan", "bob@ci", Instant.now().truncatedTo(ChronoUnit.MILLIS));

    private SqliteStateStore open() {
        return SqliteStateStore.open(dir.resolve("berth.db"));
    }

    @Test
    void aHeldLockRefusesOthersNamingTheHolder() {
        try (SqliteStateStore a = open(); SqliteStateStore b = open()) {
            a.lock(ALICE, Duration.ZERO);
            long start = System.nanoTime();
            StateLockedException e = assertThrows(StateLockedException.class, () -> b.lock(BOB, Duration.ZERO));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "a zero timeout must not wait");
            assertEquals(ALICE, e.holder().withProcess(null));
            assertTrue(e.getMessage().contains("alice@laptop") && e.getMessage().contains("apply"), e.getMessage());
        }
    }

    @Test
    void theLockIsARowNotATransactionSoCommitsStillWork() {
        try (SqliteStateStore a = open(); SqliteStateStore b = open()) {
            a.lock(ALICE, Duration.ZERO);
            // The lock coordinates runs; it must not block writes made under it, from any connection.
            assertEquals(1, b.commit(List.of(Fixtures.put("x", "v")), "apply"));
            assertEquals(2, a.commit(List.of(Fixtures.put("y", "v")), "apply"));
        }
    }

    @Test
    void aWaiterGetsTheLockWhenItIsReleasedWithinTheTimeout() throws Exception {
        try (SqliteStateStore a = open(); SqliteStateStore b = open()) {
            a.lock(ALICE, Duration.ZERO);
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
                waiting.countDown();
                long start = System.nanoTime();
                b.lock(BOB, Duration.ofSeconds(10));
                return System.nanoTime() - start;
            });
            waiting.await();
            Thread.sleep(400);
            assertFalse(waiter.isDone(), "the waiter must still be waiting while the lock is held");
            a.unlock(ALICE.id());
            long waitedNanos = waiter.get(5, TimeUnit.SECONDS);
            assertTrue(waitedNanos >= TimeUnit.MILLISECONDS.toNanos(300), "waited " + waitedNanos + " ns");
            StateLockedException e = assertThrows(StateLockedException.class, () -> a.lock(ALICE, Duration.ZERO));
            assertEquals(BOB, e.holder().withProcess(null));
        }
    }

    @Test
    void aTimeoutThatRunsOutThrowsAfterWaiting() {
        try (SqliteStateStore a = open(); SqliteStateStore b = open()) {
            a.lock(ALICE, Duration.ZERO);
            long start = System.nanoTime();
            assertThrows(StateLockedException.class, () -> b.lock(BOB, Duration.ofMillis(500)));
            long waited = System.nanoTime() - start;
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(500), "waited " + waited + " ns");
        }
    }

    @Test
    void unlockWithAnotherIdLeavesTheLockHeld() {
        try (SqliteStateStore a = open(); SqliteStateStore b = open()) {
            a.lock(ALICE, Duration.ZERO);
            b.unlock(BOB.id());
            assertEquals(ALICE, assertThrows(StateLockedException.class, () -> b.lock(BOB, Duration.ZERO)).holder()
                    .withProcess(null));
            a.unlock(ALICE.id());
            b.lock(BOB, Duration.ZERO);
        }
    }

    @Test
    void forceUnlockReleasesOnlyTheNamedLock() {
        try (SqliteStateStore a = open(); SqliteStateStore b = open()) {
            a.lock(ALICE, Duration.ZERO);
            assertFalse(b.forceUnlock("not-the-id"));
            assertThrows(StateLockedException.class, () -> b.lock(BOB, Duration.ZERO));
            assertTrue(b.forceUnlock(ALICE.id()));
            assertFalse(b.forceUnlock(ALICE.id()));
            b.lock(BOB, Duration.ZERO);
        }
    }

    @Test
    void aLockSurvivesItsHolderClosingSoACrashedRunStaysVisible() {
        try (SqliteStateStore a = open()) {
            a.lock(ALICE, Duration.ZERO);
        }
        try (SqliteStateStore b = open()) {
            assertEquals(ALICE, assertThrows(StateLockedException.class, () -> b.lock(BOB, Duration.ZERO)).holder()
                    .withProcess(null));
        }
    }

    @Test
    void takingTheLockAgainWithTheSameIdSucceeds() {
        try (SqliteStateStore a = open()) {
            a.lock(ALICE, Duration.ZERO);
            a.lock(ALICE, Duration.ZERO);
            a.unlock(ALICE.id());
            a.lock(BOB, Duration.ZERO);
        }
    }
}
