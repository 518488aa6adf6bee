package dev.berth.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.CreateIntent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Create intents outlive the process that recorded them and never touch the versioned state. */
class IntentsTest {
    @TempDir
    Path dir;

    private static final ResourceInstanceAddr SVC = ResourceInstanceAddr.parse("ecs_service.web[\"a\"]").orElseThrow();
    private static final CreateIntent INTENT = new CreateIntent(SVC, "token-1", "berth.dev/builtin/ecs", 0,
            List.of("ecs_cluster.main"), Instant.parse("2026-12-03T07:00:00Z"));

    @Test
    void anIntentSurvivesItsProcessAndIsSettledOnlyByItsOwnToken() {
        try (SqliteStateStore a = SqliteStateStore.open(dir.resolve("berth.db"))) {
            a.recordIntent(INTENT);
        }
        try (SqliteStateStore b = SqliteStateStore.open(dir.resolve("berth.db"))) {
            assertEquals(List.of(INTENT), b.intents());
            assertEquals(0, b.read().serial(), "an intent is not a version of the state");
            b.settleIntent(SVC, "another-token");
            assertEquals(List.of(INTENT), b.intents());
            b.settleIntent(SVC, "token-1");
            assertEquals(List.of(), b.intents());
        }
    }
}
