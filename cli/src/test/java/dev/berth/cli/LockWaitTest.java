package dev.berth.cli;

import dev.berth.engine.state.LockInfo;
import dev.berth.state.SqliteStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run waits briefly for the agent's short repairs, but never for another run without -lock-timeout. */
class LockWaitTest {
    @TempDir
    Path dir;

    private void holdLock(String operation, Duration forHowLong) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), "variable \"x\" {\n  default = 1\n}\n");
        SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"));
        store.lock(new LockInfo("held-by-test", operation, "tester@host", Instant.now()), Duration.ZERO);
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(forHowLong.toMillis());
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            store.unlock("held-by-test");
            store.close();
        });
    }

    @Test
    void aPlanWaitsForTheAgentToReleaseTheLock() throws Exception {
        holdLock("agent", Duration.ofMillis(1500));
        long start = System.nanoTime();
        CliRun r = CliRun.in(dir, "plan");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "it waited for the agent");
    }

    @Test
    void aPlanDoesNotWaitForAnotherRunUnlessAsked() throws Exception {
        holdLock("apply", Duration.ofMillis(1500));
        CliRun r = CliRun.in(dir, "plan");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("locked by tester@host (operation apply"), r::toString);
    }
}
