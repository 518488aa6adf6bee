package dev.berth.ecs.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows already decoded, by their JSON text: a row that has not changed is the same text, and so
 * the same record, without Jackson. berth server decodes every task row on each ListTasks; with
 * 10,000 tasks that was most of the call. The text is the key, so a changed row is decoded anew
 * and the answer is always the stored row's. Rows are immutable records (their collections are
 * copies no caller changes). Bounded: past {@link #LIMIT} rows of a type it starts over.
 */
final class Decoded {
    static final int LIMIT = 200_000;
    private static final Map<Class<?>, Map<String, Held>> BY_TYPE = new ConcurrentHashMap<>();

    /** The row and the very text it was decoded from. */
    private record Held(String json, Object row) {
    }

    private Decoded() {
    }

    static <T> T read(String json, Class<T> type) {
        Map<String, Held> known = BY_TYPE.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
        Held held = known.get(json);
        if (held == null) {
            held = new Held(json, Json.read(json, type));
            if (known.size() >= LIMIT) known.clear();
            known.put(json, held);
        } else if (held.json() != json) {
            // Equal text from another read of the table (another connection wrote, so it was read
            // anew): keyed by this copy from now on, so lookups of it stop comparing every character.
            known.remove(json);
            held = new Held(json, held.row());
            known.put(json, held);
        }
        return type.cast(held.row());
    }
}
