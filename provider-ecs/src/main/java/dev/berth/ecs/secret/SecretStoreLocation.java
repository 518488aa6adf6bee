package dev.berth.ecs.secret;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the user's secrets live: {@code ${XDG_DATA_HOME:-$HOME/.local/share}/berth/secrets.db},
 * beside the control plane's default file but never inside it; {@code BERTH_SECRET_STORE=PATH}
 * chooses another (a relative path resolves from the working directory, {@code -chdir}'s when
 * given, as BERTH_ECS_STORE does). A configuration cannot choose it: whoever may read a
 * configuration must not be able to point berth's secrets somewhere they can read.
 */
public final class SecretStoreLocation {
    public static final String ENV = "BERTH_SECRET_STORE";
    static final String FILE = "secrets.db";

    private SecretStoreLocation() {
    }

    public static Path resolve(Path workingDir, Map<String, String> env) {
        String chosen = env.get(ENV);
        if (chosen != null && !chosen.isEmpty()) return workingDir.resolve(chosen).toAbsolutePath().normalize();
        String xdg = env.get("XDG_DATA_HOME");
        // A relative XDG_DATA_HOME is ignored, as the XDG base directory rules say.
        Path data = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home(env).resolve(".local").resolve("share");
        return data.resolve("berth").resolve(FILE).normalize();
    }

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }
}
