package dev.berth.cli.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link AnyServerActsAtOnce} on one SQLite file that both servers share. Servers on a file hold
 * no leases, so each keeps every service and the one that takes the call rolls it out; this holds
 * that a call to either server is acted on at once there too. The file is in a temporary
 * directory of its own (in both CI runs: this test is about the file), removed afterwards.
 */
class AnyServerActsAtOnceSqliteIT extends AnyServerActsAtOnce {
    private final Path dir;

    AnyServerActsAtOnceSqliteIT() throws Exception {
        dir = Files.createTempDirectory("berth-prompt-");
    }

    @Override
    String store() {
        return dir.resolve("ecs.db").toString();
    }

    @Override
    String shown() {
        return store();
    }

    @Override
    int keeper(String serviceArn) {
        return 0;
    }

    @Override
    void dropStore() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
