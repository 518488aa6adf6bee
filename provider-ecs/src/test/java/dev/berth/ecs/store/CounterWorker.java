package dev.berth.ecs.store;

import java.nio.file.Path;

/** A separate process drawing from a counter of the store: java ... CounterWorker FILE COUNTER N. */
public final class CounterWorker {
    private CounterWorker() {
    }

    public static void main(String[] args) {
        try (SqliteEcsStore store = SqliteEcsStore.open(Path.of(args[0]))) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < Integer.parseInt(args[2]); i++) out.append(store.next(args[1])).append('\n');
            System.out.print(out);
        }
    }
}
