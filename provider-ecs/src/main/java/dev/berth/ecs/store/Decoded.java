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
    private static final Map<Class<?>, Map<String, Object>> BY_TYPE = new ConcurrentHashMap<>();

    private Decoded() {
    }

    static <T> T read(String json, Class<T> type) {
        Map<String, Object> known = BY_TYPE.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
        Object row = known.get(json);
        if (row == null) {
            row = Json.read(json, type);
            if (known.size() >= LIMIT) known.clear();
            known.put(json, row);
        }
        return type.cast(row);
    }
}
