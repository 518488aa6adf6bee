package dev.berth.ecs.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoreLocationTest {
    private static final Path CONFIG = Path.of("/work/conf");

    @Test
    void oneFilePerUserUnderXdgDataHomeOrHome() {
        assertEquals(Path.of("/home/ann/.local/share/berth/ecs.db"),
                StoreLocation.resolve(Optional.empty(), CONFIG, Map.of("HOME", "/home/ann")));
        assertEquals(Path.of("/data/ann/berth/ecs.db"),
                StoreLocation.resolve(Optional.empty(), CONFIG, Map.of("HOME", "/home/ann", "XDG_DATA_HOME", "/data/ann")));
        // The XDG rules say a relative XDG_DATA_HOME is invalid and must be ignored.
        assertEquals(Path.of("/home/ann/.local/share/berth/ecs.db"),
                StoreLocation.resolve(Optional.empty(), CONFIG, Map.of("HOME", "/home/ann", "XDG_DATA_HOME", "data")));
        assertEquals(Path.of("/home/ann/.local/share/berth/ecs.db"),
                StoreLocation.resolve(Optional.empty(), CONFIG, Map.of("HOME", "/home/ann", "XDG_DATA_HOME", "")));
    }

    @Test
    void theEnvironmentChoosesAnotherFileAndTheProviderBlockWinsOverIt() {
        Map<String, String> env = Map.of("HOME", "/home/ann", "BERTH_ECS_STORE", "/srv/world.db");
        assertEquals(Path.of("/srv/world.db"), StoreLocation.resolve(Optional.empty(), CONFIG, env));
        assertEquals(Path.of("/srv/team.db"), StoreLocation.resolve(Optional.of("/srv/team.db"), CONFIG, env));
        assertEquals(Path.of("/home/ann/.local/share/berth/ecs.db"),
                StoreLocation.resolve(Optional.empty(), CONFIG, Map.of("HOME", "/home/ann", "BERTH_ECS_STORE", "")));
    }

    @Test
    void relativePathsResolveFromTheConfigurationDirectory() {
        assertEquals(Path.of("/work/conf/world.db"),
                StoreLocation.resolve(Optional.of("world.db"), CONFIG, Map.of("HOME", "/home/ann")));
        assertEquals(Path.of("/work/shared.db"),
                StoreLocation.resolve(Optional.empty(), CONFIG, Map.of("BERTH_ECS_STORE", "../shared.db")));
    }
}
