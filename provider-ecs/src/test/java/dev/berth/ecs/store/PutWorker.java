package dev.berth.ecs.store;

import java.nio.file.Path;

/** A separate process writing one row to the store: java ... PutWorker FILE TABLE KEY JSON. */
public final class PutWorker {
    private PutWorker() {
    }

    public static void main(String[] args) {
        try (SqliteEcsStore store = SqliteEcsStore.open(Path.of(args[0]))) {
            store.put(args[1], args[2], args[3]);
        }
    }
}
