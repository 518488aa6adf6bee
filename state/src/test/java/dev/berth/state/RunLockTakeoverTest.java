package dev.berth.state;

import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.LockInfo.LockProcess;
import dev.berth.engine.state.StateLockedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A holder that provably no longer runs is taken over; one that may still run never is. Real
 * processes stand for the holders: a {@code sleep} that is killed is a crashed run.
 */
class RunLockTakeoverTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    private static final LockInfo DEAD = new LockInfo("lock-dead", "apply", "carol@host (pid 1)",
            Instant.parse("2026-01-02T03:04:05Z"));
    private static final LockInfo NEXT = new LockInfo("lock-next", "apply", "dave@host", Instant.now());

    @AfterEach
    void stopProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    private SqliteStateStore open() {
        return SqliteStateStore.open(dir.resolve("berth.db"));
    }

    private Process sleeper() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        started.add(p);
        return p;
    }

    /** The lock process of a live process, as that process would have recorded it. */
    private static LockProcess asRecorded(Process p) {
        return new LockProcess(ProcessProbe.host(), p.pid(), ProcessProbe.startOf(p.pid()).orElseThrow());
    }

    private static LockProcess killed(Process p) throws Exception {
        LockProcess recorded = asRecorded(p);
        p.destroyForcibly().waitFor();
        return recorded;
    }

    @Test
    void aKilledHolderOnThisHostIsTakenOverAndReturned() throws Exception {
        LockProcess gone = killed(sleeper());
        try (SqliteStateStore crashed = open(); SqliteStateStore next = open()) {
            crashed.lockAs(DEAD, gone, Duration.ZERO);
            Optional<LockInfo> taken = next.lock(NEXT, Duration.ZERO);
            assertEquals(Optional.of(DEAD.withProcess(gone)), taken);
            assertEquals("lock-next", next.lockHolder().orElseThrow().id());
        }
    }

    @Test
    void aHolderWhosePidNowBelongsToAnotherProcessIsTakenOver() throws Exception {
        Process other = sleeper();
        LockProcess live = asRecorded(other);
        // The same pid with another start time: the holder died and the pid was reused.
        String[] parts = live.start().split(":");
        parts[parts.length - 1] = Long.toString(Long.parseLong(parts[parts.length - 1]) - 100);
        LockProcess reused = new LockProcess(live.host(), live.pid(), String.join(":", parts));
        try (SqliteStateStore crashed = open(); SqliteStateStore next = open()) {
            crashed.lockAs(DEAD, reused, Duration.ZERO);
            assertTrue(next.lock(NEXT, Duration.ZERO).isPresent(), "a reused pid is not the holder");
        }
    }

    @Test
    void aLiveHolderIsWaitedForAndNeverTakenOver() throws Exception {
        LockProcess live = asRecorded(sleeper());
        try (SqliteStateStore holder = open(); SqliteStateStore next = open()) {
            holder.lockAs(DEAD, live, Duration.ZERO);
            StateLockedException e = assertThrows(StateLockedException.class, () -> next.lock(NEXT, Duration.ofMillis(300)));
            assertEquals("lock-dead", e.holder().id());
        }
    }

    @Test
    void aHolderOnAnotherHostStillNeedsForceUnlock() throws Exception {
        LockProcess gone = killed(sleeper());
        LockProcess elsewhere = new LockProcess(gone.host() + "-elsewhere", gone.pid(), gone.start());
        try (SqliteStateStore remote = open(); SqliteStateStore next = open()) {
            remote.lockAs(DEAD, elsewhere, Duration.ZERO);
            assertThrows(StateLockedException.class, () -> next.lock(NEXT, Duration.ZERO));
            assertTrue(next.forceUnlock(DEAD.id()));
            assertEquals(Optional.empty(), next.lock(NEXT, Duration.ZERO));
        }
    }

    @Test
    void aHolderRecordedWithoutItsProcessIsNeverPresumedDead() {
        try (SqliteStateStore old = open(); SqliteStateStore next = open()) {
            old.lockAs(DEAD, null, Duration.ZERO);
            assertThrows(StateLockedException.class, () -> next.lock(NEXT, Duration.ZERO));
        }
    }

    @Test
    void twoRunsRacingForADeadHoldersLockCannotBothWin() throws Exception {
        LockProcess gone = killed(sleeper());
        try (SqliteStateStore crashed = open()) {
            crashed.lockAs(DEAD, gone, Duration.ZERO);
        }
        for (int round = 0; round < 5; round++) {
            try (SqliteStateStore a = open(); SqliteStateStore b = open()) {
                if (round > 0) {
                    a.forceUnlock(a.lockHolder().orElseThrow().id());
                    a.lockAs(DEAD, gone, Duration.ZERO);
                }
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<String> x = race(a, "x", go), y = race(b, "y", go);
                go.countDown();
                List<String> results = List.of(x.get(), y.get());
                assertEquals(1, results.stream().filter(r -> r.startsWith("took")).count(), results::toString);
                assertEquals(1, results.stream().filter(r -> r.equals("refused")).count(), results::toString);
            }
        }
    }

    private static CompletableFuture<String> race(SqliteStateStore store, String id, CountDownLatch go) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
                return "took " + store.lock(new LockInfo(id, "apply", id, Instant.now()), Duration.ZERO);
            } catch (StateLockedException e) {
                return "refused";
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
