package dev.berth.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The ecs control plane a test's berth runs use: one file per configuration directory, beside
 * its berth.db, so it goes when the test's directory goes and two tests that both make cluster
 * "main" never see each other's world; never the user's own file. The build sets
 * BERTH_ECS_STORE to a directory for the test JVMs, so a run that forgets this fails at once
 * instead of writing anywhere.
 */
public final class TestStores {
    public static final String ENV = "BERTH_ECS_STORE";
    /** berth's log store (LogStoreLocation.ENV); left unset, it sits beside the control plane. */
    public static final String LOG_ENV = "BERTH_LOG_STORE";
    /** The secret store goes beside it, for the same reasons. */
    public static final String SECRET_ENV = dev.berth.ecs.secret.SecretStoreLocation.ENV;

    private TestStores() {
    }

    /** The control plane file of the configuration in {@code dir}. */
    public static Path of(Path dir) {
        return dir.toAbsolutePath().normalize().resolve("ecs.db");
    }

    /** The secret store of the configuration in {@code dir}. */
    public static Path secrets(Path dir) {
        return dir.toAbsolutePath().normalize().resolve("secrets.db");
    }

    /**
     * The process environment with BERTH_ECS_STORE naming {@code dir}'s control plane and the
     * secret store beside it, and without the build's BERTH_LOG_STORE, so kept container output
     * goes beside that control plane ({@code dir/ecs-logs}) and leaves with the test's directory.
     */
    public static Map<String, String> env(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(ENV, of(dir).toString());
        env.put(SECRET_ENV, secrets(dir).toString());
        env.remove(LOG_ENV);
        return env;
    }

    /** Gives a berth process started for {@code dir} that directory's control plane. */
    public static ProcessBuilder in(ProcessBuilder pb, Path dir) {
        pb.environment().put(ENV, of(dir).toString());
        pb.environment().remove(LOG_ENV);
        pb.environment().put(SECRET_ENV, secrets(dir).toString());
        return pb;
    }
}
