package dev.berth.ecs.taskdef;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an {@code environmentFiles} entry's {@code value} is on this machine. ECS names an S3
 * object; berth has no S3, so it reads local files instead:
 * <ul>
 *   <li>{@code arn:aws:s3:::BUCKET/KEY.env} is the file {@code BUCKET/KEY.env} under berth's S3
 *   directory ({@code BERTH_S3_DIR}, else {@code ${XDG_DATA_HOME:-~/.local/share}/berth/s3}), so
 *   a task definition written for AWS runs unchanged once its files are copied there;</li>
 *   <li>an absolute path ({@code /etc/app/web.env}) is that file.</li>
 * </ul>
 * As ECS requires, the name ends in {@code .env}.
 */
public final class EnvironmentFileName {
    static final String S3_ARN = "arn:aws:s3:::";

    private EnvironmentFileName() {
    }

    /** What is wrong with {@code value} as a file name, or null when it names a file. */
    public static String problem(String value) {
        if (value == null || value.isBlank()) return "an environment file needs a value.";
        boolean arn = value.startsWith(S3_ARN);
        if (!arn && !value.startsWith("/")) {
            return "environment file \"" + value + "\" must be an S3 object ARN (arn:aws:s3:::bucket/key.env, read "
                    + "from berth's S3 directory) or an absolute path to a local file.";
        }
        if (arn && (!value.substring(S3_ARN.length()).contains("/") || value.contains("/../") || value.contains(".."))) {
            return "environment file \"" + value + "\" must name an object as arn:aws:s3:::bucket/key.env.";
        }
        if (!value.endsWith(".env")) {
            return "environment file \"" + value + "\" must have a .env file extension.";
        }
        return null;
    }

    /** The local file {@code value} names (which {@link #problem} found valid). */
    public static Path resolve(String value, Map<String, String> env) {
        if (!value.startsWith(S3_ARN)) return Path.of(value);
        return s3Directory(env).resolve(value.substring(S3_ARN.length()));
    }

    /** The directory that stands in for S3: {@code BERTH_S3_DIR}, else berth's data directory's {@code s3}. */
    public static Path s3Directory(Map<String, String> env) {
        String dir = env.get("BERTH_S3_DIR");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("berth").resolve("s3");
    }
}
