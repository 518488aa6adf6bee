package dev.berth.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build's training run may only ever touch stores inside its own directory. */
class StartupTrainingTest {
    private static final Path DIR = Path.of("/tmp/berth-training");

    @Test
    void storesInsideTheDirectoryAreAccepted() {
        assertNull(StartupTraining.refusal(DIR, Map.of("BERTH_ECS_STORE", "/tmp/berth-training/ecs.db",
                "BERTH_SECRET_STORE", "/tmp/berth-training/secrets.db", "BERTH_LOG_STORE", "/tmp/berth-training/logs")));
    }

    @Test
    void aMissingOrOutsideStoreIsRefused() {
        String missing = StartupTraining.refusal(DIR, Map.of("BERTH_ECS_STORE", "/tmp/berth-training/ecs.db",
                "BERTH_LOG_STORE", "/tmp/berth-training/logs"));
        assertTrue(missing != null && missing.contains("BERTH_SECRET_STORE"), missing);
        String outside = StartupTraining.refusal(DIR, Map.of("BERTH_ECS_STORE", "/root/.local/share/berth/ecs.db",
                "BERTH_SECRET_STORE", "/tmp/berth-training/secrets.db", "BERTH_LOG_STORE", "/tmp/berth-training/logs"));
        assertTrue(outside != null && outside.contains("BERTH_ECS_STORE"), outside);
        String sibling = StartupTraining.refusal(DIR, Map.of("BERTH_ECS_STORE", "/tmp/berth-training-other/ecs.db",
                "BERTH_SECRET_STORE", "/tmp/berth-training/secrets.db", "BERTH_LOG_STORE", "/tmp/berth-training/../x"));
        assertTrue(sibling != null && sibling.contains("BERTH_ECS_STORE"), sibling);
    }
}
