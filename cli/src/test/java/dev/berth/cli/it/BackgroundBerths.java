package dev.berth.cli.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The background berths' directories under a test's own runtime directory (XDG_RUNTIME_DIR). */
final class BackgroundBerths {
    private BackgroundBerths() {
    }

    static List<Path> dirs(Path runtime) throws IOException {
        Path root = runtime.resolve("berth");
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith("daemon-")).toList();
        }
    }

    /**
     * Commands the berth of {@code dir} has served, by its log; null when a starting berth removed
     * the directory meanwhile (StaleDaemons).
     */
    static Integer served(Path dir) throws IOException {
        Path log = dir.resolve("log");
        int n = 0;
        try {
            if (Files.exists(log)) for (String l : Files.readAllLines(log)) if (l.contains("served a command")) n++;
        } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
            return null;
        }
        return n;
    }
}
