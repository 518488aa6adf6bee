package dev.berth.cli.state;

import dev.berth.cli.CliRun;
import dev.berth.engine.state.LockInfo;
import dev.berth.state.SqliteStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** force-unlock releases a stuck lock only when given its id. */
class ForceUnlockCommandTest {
    @TempDir
    Path dir;

    private void lockAs(String id) {
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            store.lock(new LockInfo(id, "apply", "carol@host (pid 42)", Instant.parse("2024-01-02T03:04:05Z")),
                    Duration.ZERO);
        }
    }

    private Optional<LockInfo> holder() {
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            return store.lockHolder();
        }
    }

    @Test
    void theRightIdReleasesTheLock() {
        lockAs("lock-123");
        CliRun r = CliRun.in(dir, "force-unlock", "-force", "lock-123");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("berth state has been successfully unlocked!\n"), r::toString);
        assertEquals(Optional.empty(), holder());
    }

    @Test
    void aWrongIdIsRefusedNamingTheHolder() {
        lockAs("lock-123");
        CliRun r = CliRun.in(dir, "force-unlock", "-force", "lock-999");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Failed to unlock state: the lock ID \"lock-999\" does not match the current lock, "
                + "held by carol@host (pid 42) (operation apply, lock ID lock-123, since 2024-01-02T03:04:05Z)."), r::toString);
        assertEquals("lock-123", holder().orElseThrow().id(), "the lock is still held");
    }

    @Test
    void withoutForceOnlyYesConfirms() {
        lockAs("lock-123");
        CliRun no = withStdin("no\n", () -> CliRun.in(dir, "force-unlock", "lock-123"));
        assertEquals(1, no.exitCode(), no::toString);
        assertTrue(no.out().contains("Do you really want to force-unlock?"), no::toString);
        assertTrue(no.err().contains("Force-unlock cancelled"), no::toString);
        assertEquals("lock-123", holder().orElseThrow().id(), "a refused confirmation keeps the lock");

        CliRun yes = withStdin("yes\n", () -> CliRun.in(dir, "force-unlock", "lock-123"));
        assertEquals(0, yes.exitCode(), yes::toString);
        assertEquals(Optional.empty(), holder());
    }

    private static CliRun withStdin(String input, java.util.function.Supplier<CliRun> run) {
        java.io.InputStream original = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void unlockingAnUnlockedStateSaysSo() {
        lockAs("lock-123");
        assertEquals(0, CliRun.in(dir, "force-unlock", "-force", "lock-123").exitCode());
        CliRun r = CliRun.in(dir, "force-unlock", "-force", "lock-123");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("does not match any lock: the state is not locked."), r::toString);
    }
}
