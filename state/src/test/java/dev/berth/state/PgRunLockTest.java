package dev.berth.state;

import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateLockedException;
import dev.berth.engine.state.StateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two stores on one schema stand for two processes: each has a server session of its own. */
class PgRunLockTest {

    @RegisterExtension
    final TestPg pg = new TestPg();

    private static final LockInfo ALICE = new LockInfo("lock-alice", "apply", "alice@laptop",
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private static final LockInfo BOB = new LockInfo("lock-bob", "plan", "bob@ci",
            Instant.now().truncatedTo(ChronoUnit.MILLIS));

    @Test
    void aHeldLockRefusesOthersNamingTheHolderAndIsFreeAfterUnlock() {
        String schema = pg.schema();
        try (PgStateStore a = pg.open(schema); PgStateStore b = pg.open(schema)) {
            assertEquals(Optional.empty(), a.lock(ALICE, Duration.ZERO));
            assertEquals(Optional.empty(), a.lock(ALICE, Duration.ZERO), "taking it again with the same id succeeds");
            StateLockedException e = assertThrows(StateLockedException.class, () -> b.lock(BOB, Duration.ZERO));
            assertEquals(ALICE, e.holder().withProcess(null));
            assertEquals(ALICE, b.lockHolder().orElseThrow().withProcess(null));
            // The lock coordinates runs; commits under it still work from any session.
            assertEquals(1, b.commit(List.of(Fixtures.put("x", "v")), "apply"));
            a.unlock(ALICE.id());
            assertEquals(Optional.empty(), b.lock(BOB, Duration.ZERO));
            assertEquals(BOB, a.lockHolder().orElseThrow().withProcess(null));
        }
    }

    @Test
    void aWaiterGetsTheLockWhenItIsReleasedWithinTheTimeout() throws Exception {
        String schema = pg.schema();
        try (PgStateStore a = pg.open(schema); PgStateStore b = pg.open(schema)) {
            a.lock(ALICE, Duration.ZERO);
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    return;
                }
                a.unlock(ALICE.id());
            });
            release.start();
            assertEquals(Optional.empty(), b.lock(BOB, Duration.ofSeconds(10)));
            release.join();
        }
    }

    @Test
    void theLockDiesWithTheSessionThatHeldIt() {
        String schema = pg.schema();
        try (PgStateStore b = pg.open(schema)) {
            PgStateStore a = pg.open(schema);
            a.lock(ALICE, Duration.ZERO);
            assertThrows(StateLockedException.class, () -> b.lock(BOB, Duration.ZERO));
            a.close(); // the session ends without unlocking, as when its process is killed
            // The server ends the session a moment after the client hangs up, so the lock is
            // waited for rather than tried once (a zero wait lost that race 2 runs in 5).
            Optional<LockInfo> takenOver = b.lock(BOB, Duration.ofSeconds(10));
            assertEquals(ALICE, takenOver.orElseThrow().withProcess(null), "the dead session's row is reported");
            assertEquals(BOB, b.lockHolder().orElseThrow().withProcess(null));
        }
    }

    @Test
    void forceUnlockEndsTheHoldingSessionSoItCanWriteNothingMore() {
        String schema = pg.schema();
        try (PgStateStore a = pg.open(schema); PgStateStore b = pg.open(schema)) {
            a.lock(ALICE, Duration.ZERO);
            assertFalse(b.forceUnlock("not-the-id"));
            assertEquals(ALICE, b.lockHolder().orElseThrow().withProcess(null));
            assertTrue(b.forceUnlock(ALICE.id()));
            assertEquals(Optional.empty(), b.lockHolder());
            assertEquals(Optional.empty(), b.lock(BOB, Duration.ZERO));
            StateStoreException e = assertThrows(StateStoreException.class,
                    () -> a.commit(List.of(Fixtures.put("late", "v")), "apply"));
            assertTrue(e.getMessage().startsWith("cannot commit to state " + TestPg.SERVER), e.getMessage());
            assertEquals(0, b.read().serial(), "the old holder wrote nothing after losing the lock");
        }
    }

    @Test
    void forceUnlockOfItsOwnLockGivesItBack() {
        String schema = pg.schema();
        try (PgStateStore a = pg.open(schema); PgStateStore b = pg.open(schema)) {
            a.lock(ALICE, Duration.ZERO);
            assertTrue(a.forceUnlock(ALICE.id()));
            assertEquals(Optional.empty(), b.lock(BOB, Duration.ZERO));
            assertEquals(1, a.commit(List.of(Fixtures.put("x", "v")), "apply"), "its session lives on");
        }
    }

    @Test
    void locksOfTwoSchemasAreIndependent() {
        try (PgStateStore a = pg.open(pg.schema()); PgStateStore b = pg.open(pg.schema())) {
            a.lock(ALICE, Duration.ZERO);
            assertEquals(Optional.empty(), b.lock(BOB, Duration.ZERO));
        }
    }
}
