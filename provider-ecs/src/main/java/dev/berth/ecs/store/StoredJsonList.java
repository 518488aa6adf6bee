package dev.berth.ecs.store;

import com.fasterxml.jackson.core.type.TypeReference;

import java.util.AbstractList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A list of JSON objects as a row stores it, read when an element is first asked for. A refresh
 * describes every task definition only to write its containers back as JSON and compare them
 * with the state's text: parsing each row's text and writing it again was a tenth of a warm plan
 * of 10,000 task definitions, and {@link Json#write} now gives this text back as it is. That is
 * the text the parse would write again, because the store's rows are {@link Json#write}'s own
 * output. Read-only, like the lists it stands for; when two threads read it first, both parse the
 * same text and either answer is kept.
 */
public final class StoredJsonList extends AbstractList<Map<String, Object>> {
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {
    };

    private final String json;
    private volatile List<Map<String, Object>> items;

    /** Throws {@link IllegalStateException} now when {@code json} is not a JSON document at all. */
    public StoredJsonList(String json) {
        if (json == null || json.isBlank()) throw new IllegalStateException("no JSON list stored");
        this.json = json;
    }

    /** The stored text, exactly. */
    public String json() {
        return json;
    }

    private List<Map<String, Object>> items() {
        List<Map<String, Object>> read = items;
        if (read == null) {
            try {
                read = Collections.unmodifiableList(Json.MAPPER.readValue(json, OBJECTS));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("corrupt stored JSON list: " + e.getMessage(), e);
            }
            items = read;
        }
        return read;
    }

    @Override
    public Map<String, Object> get(int index) {
        return items().get(index);
    }

    @Override
    public int size() {
        return items().size();
    }
}
