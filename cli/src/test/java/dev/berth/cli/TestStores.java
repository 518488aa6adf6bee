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

    /**
     * Set (a {@code postgres://} URL of a database the run made for itself) for the build's second
     * run of the Docker-backed tests: every test's control plane is then a schema of its own in
     * that database, which scripts/test.sh drops after the run.
     */
    public static final String PG_ENV = "BERTH_TEST_ECS_PG";

    private TestStores() {
    }

    /** Whether this run keeps control planes in PostgreSQL. */
    public static boolean postgres() {
        String pg = System.getenv(PG_ENV);
        return pg != null && !pg.isBlank();
    }

    /**
     * The control plane of the configuration in {@code dir} as BERTH_ECS_STORE names it: its file,
     * or in the PostgreSQL run a schema named after the directory.
     */
    public static String ecsStore(Path dir) {
        return ecsStoreFor(of(dir));
    }

    /** A control plane a test names by its file: that file, or in the PostgreSQL run a schema named after it. */
    public static String ecsStoreFor(Path file) {
        if (!postgres()) return file.toString();
        String key = Integer.toHexString(file.toAbsolutePath().normalize().toString().hashCode());
        return System.getenv(PG_ENV) + "?schema=it_" + key;
    }

    /** How berth prints the store {@link #ecsStoreFor} names. */
    public static String shownFor(Path file) {
        return dev.berth.ecs.store.StoreLocation.where(java.util.Optional.of(ecsStoreFor(file)), Path.of("/"), Map.of())
                .shown();
    }

    /** Opens {@code dir}'s control plane, whichever store this run uses. */
    public static dev.berth.ecs.store.OpenEcsStore openEcs(Path dir) {
        return dev.berth.ecs.store.StoreLocation.where(java.util.Optional.of(ecsStore(dir)), dir, Map.of()).open();
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
        env.put(ENV, ecsStore(dir));
        env.put(SECRET_ENV, secrets(dir).toString());
        env.remove(LOG_ENV);
        // A PostgreSQL control plane has no directory for kept output to sit beside.
        if (postgres()) env.put(LOG_ENV, dir.toAbsolutePath().normalize().resolve("ecs-logs").toString());
        return env;
    }

    /** Gives a berth process started for {@code dir} that directory's control plane. */
    public static ProcessBuilder in(ProcessBuilder pb, Path dir) {
        pb.environment().put(ENV, ecsStore(dir));
        pb.environment().remove(LOG_ENV);
        if (postgres()) pb.environment().put(LOG_ENV, dir.toAbsolutePath().normalize().resolve("ecs-logs").toString());
        pb.environment().put(SECRET_ENV, secrets(dir).toString());
        return pb;
    }
}
