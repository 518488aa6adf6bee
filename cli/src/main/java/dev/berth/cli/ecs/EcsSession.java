package dev.berth.cli.ecs;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a command reads from where it runs: the working directory (for file:// paths), the time
 * zone timestamps print in, the environment (AWS_DEFAULT_OUTPUT, BERTH_ECS_ENDPOINT, ...), and
 * the terminal, whose width bounds a table and which turns on the table's colours.
 */
public record EcsSession(Path cwd, ZoneId zone, Map<String, String> env, boolean terminal, int terminalWidth) {
}
