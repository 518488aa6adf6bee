package dev.berth.ecs.task;

import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.taskdef.ContainerOptions;
import dev.berth.ecs.taskdef.EnvironmentFileName;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a container's environment files when its task starts, as ECS's agent does: lines of
 * VARIABLE=VALUE, lines beginning with # ignored, files read from the top down, the container's
 * own {@code environment} winning over all of them. The values go to the container only; no
 * message ever quotes one.
 */
final class EnvironmentFiles {
    private EnvironmentFiles() {
    }

    /** The variables of {@code files} under {@code environment} (which wins). */
    static Map<String, String> merge(String container, List<ContainerOptions.EnvironmentFile> files,
                                     Map<String, String> environment, Map<String, String> processEnv) {
        if (files.isEmpty()) return environment;
        Map<String, String> out = new LinkedHashMap<>();
        for (ContainerOptions.EnvironmentFile f : files) {
            Path path = EnvironmentFileName.resolve(f.value(), processEnv);
            out.putAll(read(container, f.value(), path));
        }
        out.putAll(environment);
        return out;
    }

    static Map<String, String> read(String container, String value, Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuntimeFailure("ResourceInitializationError: failed to read env files for container " + container
                    + ": " + describe(value, path) + (Files.exists(path) ? " cannot be read." : " does not exist."), null);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new RuntimeFailure("ResourceInitializationError: failed to read env files for container "
                        + container + ": line " + (n + 1) + " of " + describe(value, path)
                        + " is not VARIABLE=VALUE.", null);
            }
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    private static String describe(String value, Path path) {
        return value.equals(path.toString()) ? path.toString() : path + " (" + value + ")";
    }
}
