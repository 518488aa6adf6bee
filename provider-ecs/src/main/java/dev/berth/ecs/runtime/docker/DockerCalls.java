package dev.berth.ecs.runtime.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the engine calls that grow with the number of containers (list, inspect), and the
 * lists of a few changed containers by id that stand in for a whole list (relist), so
 * the cost of a refresh can be measured from a whole CLI run: when {@code BERTH_DOCKER_CALLS}
 * names a file, one line with the counts is appended to it when the runtime closes.
 */
final class DockerCalls {
    static final String ENV = "BERTH_DOCKER_CALLS";

    final AtomicLong lists = new AtomicLong();
    final AtomicLong inspects = new AtomicLong();
    final AtomicLong relists = new AtomicLong();

    String line() {
        return "list=" + lists.get() + " relist=" + relists.get() + " inspect=" + inspects.get();
    }

    /** Appends the counts to the file named by the environment; measuring never fails a run. */
    void report() {
        String file = System.getenv(ENV);
        if (file == null || file.isBlank()) return;
        try {
            Files.writeString(Path.of(file), line() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            System.getLogger(DockerCalls.class.getName()).log(System.Logger.Level.DEBUG,
                    "Could not write the call counts to " + file + ": " + e.getMessage());
        }
    }
}
