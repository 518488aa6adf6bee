package dev.berth.cli.ecs.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads model.json token by token straight into the model's records. Every {@code berth ecs} run
 * reads the whole file (97 KB), and building a JSON tree of it first took about 40% of a small
 * {@code ecs list-clusters} (bench/README.md, "Start-up of small commands").
 */
final class ModelReader {
    private final JsonParser p;

    private ModelReader(JsonParser p) {
        this.p = p;
    }

    static EcsModel read(InputStream in) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(in)) {
            return new ModelReader(p).model();
        }
    }

    private EcsModel model() throws IOException {
        Map<String, Operation> ops = new LinkedHashMap<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        List<int[]> wide = new ArrayList<>();
        expect(JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "operations" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        ops.put(name, operation(name));
                    }
                }
                case "shapes" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        shapes.put(name, shape(name));
                    }
                }
                case "wideCodePoints" -> {
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        p.nextToken();
                        int lo = p.getIntValue();
                        p.nextToken();
                        int hi = p.getIntValue();
                        expect(JsonToken.END_ARRAY);
                        wide.add(new int[]{lo, hi});
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new EcsModel(Collections.unmodifiableMap(ops), Collections.unmodifiableMap(shapes),
                wide.toArray(int[][]::new));
    }

    private Operation operation(String name) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        Paginator paginator = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("paginator")) {
                Map<String, String> pag = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    pag.put(key, p.getValueAsString());
                }
                paginator = new Paginator(pag.get("input_token"), pag.get("output_token"), pag.get("limit_key"),
                        pag.get("result_key"));
            } else {
                texts.put(field, p.getValueAsString());
            }
        }
        return new Operation(name, texts.get("command"), texts.get("input"), texts.get("output"), paginator);
    }

    private Shape shape(String name) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<Member> members = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("members")) {
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    List<String> m = strings();
                    members.add(new Member(m.get(0), m.get(1), m.get(2)));
                }
            } else if (value == JsonToken.START_ARRAY) {
                lists.put(field, strings());
            } else {
                texts.put(field, p.getValueAsString());
            }
        }
        return new Shape(name, texts.get("type"), List.copyOf(members), lists.getOrDefault("required", List.of()),
                lists.getOrDefault("idempotencyTokens", List.of()), lists.getOrDefault("berthMembers", List.of()),
                texts.get("member"), texts.get("key"), texts.get("value"), texts.get("enum0"));
    }

    /** The strings of the array the parser is at, up to its end. */
    private List<String> strings() throws IOException {
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) out.add(p.getValueAsString());
        return List.copyOf(out);
    }

    private void expect(JsonToken token) throws IOException {
        if (p.nextToken() != token) throw new IOException("model.json: expected " + token + " at " + p.currentLocation());
    }
}
