package dev.berth.ecs.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the control plane lives. One file per user by default, as an AWS account is one world
 * for all of a user's configurations: {@code ${XDG_DATA_HOME:-$HOME/.local/share}/berth/ecs.db}.
 * {@code BERTH_ECS_STORE=PATH} chooses another, and {@code provider "ecs" { store = "PATH" }} in a
 * configuration wins over both. A relative path resolves from the configuration directory, as
 * every other path a configuration names does (with or without {@code -chdir}). Either may
 * instead be a {@code postgres://} URL ({@link PgUrl}): the control plane in PostgreSQL, shared by
 * every process and machine that names it.
 */
public final class StoreLocation {
    public static final String ENV = "BERTH_ECS_STORE";

    /** A file or a PostgreSQL URL; exactly one is set. */
    public record Where(Path file, PgUrl url) {
        public static Where of(Path file) {
            return new Where(file, null);
        }

        public boolean postgres() {
            return url != null;
        }

        /** The file's path or the URL without its password: what messages print. */
        public String shown() {
            return postgres() ? url.shown() : file.toString();
        }

        /**
         * The path berth's other per-world stores (kept logs) go beside: the file itself, or for
         * PostgreSQL the per-user default file's place.
         */
        public Path anchor(Map<String, String> env) {
            return postgres() ? defaultFile(env) : file;
        }

        /** Opens the store this names. */
        public OpenEcsStore open() {
            return postgres() ? PostgresEcsStore.open(url) : SqliteEcsStore.open(file);
        }

        @Override
        public String toString() {
            return shown();
        }
    }

    private StoreLocation() {
    }

    /**
     * @param setting the provider block's {@code store}, if the configuration sets it
     * @param configDir the configuration directory
     * @param env the process environment
     * @throws EcsStoreException when the chosen URL is malformed
     */
    public static Where where(Optional<String> setting, Path configDir, Map<String, String> env) {
        Optional<String> chosen = setting.filter(s -> !s.isEmpty())
                .or(() -> Optional.ofNullable(env.get(ENV)).filter(s -> !s.isEmpty()));
        if (chosen.isPresent() && PgUrl.is(chosen.get())) return new Where(null, PgUrl.parse(chosen.get()));
        return Where.of(resolve(chosen, configDir, env));
    }

    /** Where a file-backed control plane is; see {@link #where} for one that may be a URL. */
    public static Path resolve(Optional<String> setting, Path configDir, Map<String, String> env) {
        Optional<String> chosen = setting.filter(s -> !s.isEmpty())
                .or(() -> Optional.ofNullable(env.get(ENV)).filter(s -> !s.isEmpty()));
        if (chosen.isPresent()) return configDir.resolve(chosen.get()).toAbsolutePath().normalize();
        return defaultFile(env);
    }

    /** The per-user file; a relative XDG_DATA_HOME is ignored, as the XDG base directory rules say. */
    public static Path defaultFile(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home(env).resolve(".local").resolve("share");
        return data.resolve("berth").resolve("ecs.db").normalize();
    }

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }
}
