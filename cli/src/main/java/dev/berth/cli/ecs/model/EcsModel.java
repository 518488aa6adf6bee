package dev.berth.cli.ecs.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations berth serves and every shape they reach, in the model's member order. */
public final class EcsModel {
    private static EcsModel instance;

    private final Map<String, Operation> operations;
    private final Map<String, Operation> byCommand;
    private final Map<String, Shape> shapes;
    private final int[][] wideCodePoints;

    private EcsModel(Map<String, Operation> operations, Map<String, Shape> shapes, int[][] wide) {
        this.operations = operations;
        this.shapes = shapes;
        this.wideCodePoints = wide;
        Map<String, Operation> commands = new LinkedHashMap<>();
        operations.values().forEach(op -> commands.put(op.command(), op));
        this.byCommand = Collections.unmodifiableMap(commands);
    }

    /** The model shipped in berth's jar. */
    public static synchronized EcsModel get() {
        if (instance == null) {
            try (InputStream in = EcsModel.class.getResourceAsStream("/dev/berth/cli/ecs/model.json")) {
                if (in == null) throw new IllegalStateException("model.json is missing from berth's jar");
                instance = parse(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Operations by command name ("describe-clusters"), in the model file's order. */
    public Map<String, Operation> commands() {
        return byCommand;
    }

    public Optional<Operation> command(String name) {
        return Optional.ofNullable(byCommand.get(name));
    }

    public Operation operation(String name) {
        Operation op = operations.get(name);
        if (op == null) throw new IllegalArgumentException("no operation " + name);
        return op;
    }

    public Shape shape(String name) {
        Shape s = shapes.get(name);
        if (s == null) throw new IllegalArgumentException("no shape " + name);
        return s;
    }

    /** Code point ranges Python's unicodedata calls wide or ambiguous (W, F, A): two columns in a table. */
    public boolean isWide(int codePoint) {
        int lo = 0;
        int hi = wideCodePoints.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] r = wideCodePoints[mid];
            if (codePoint < r[0]) hi = mid - 1;
            else if (codePoint > r[1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    private static EcsModel parse(JsonNode root) {
        Map<String, Operation> ops = new LinkedHashMap<>();
        root.get("operations").fields().forEachRemaining(e -> {
            JsonNode o = e.getValue();
            JsonNode p = o.get("paginator");
            Paginator pag = p == null ? null : new Paginator(p.get("input_token").asText(),
                    p.get("output_token").asText(), p.get("limit_key").asText(), p.get("result_key").asText());
            ops.put(e.getKey(), new Operation(e.getKey(), o.get("command").asText(), o.get("input").asText(),
                    o.get("output").asText(), pag));
        });
        Map<String, Shape> shapes = new LinkedHashMap<>();
        root.get("shapes").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            List<Member> members = new ArrayList<>();
            if (s.has("members")) {
                for (JsonNode m : s.get("members")) {
                    members.add(new Member(m.get(0).asText(), m.get(1).asText(), m.get(2).asText()));
                }
            }
            shapes.put(e.getKey(), new Shape(e.getKey(), s.get("type").asText(), List.copyOf(members),
                    texts(s.get("required")), texts(s.get("idempotencyTokens")), texts(s.get("berthMembers")),
                    text(s.get("member")), text(s.get("key")), text(s.get("value")), text(s.get("enum0"))));
        });
        JsonNode w = root.get("wideCodePoints");
        int[][] wide = new int[w.size()][];
        for (int i = 0; i < w.size(); i++) wide[i] = new int[]{w.get(i).get(0).asInt(), w.get(i).get(1).asInt()};
        return new EcsModel(Collections.unmodifiableMap(ops), Collections.unmodifiableMap(shapes), wide);
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) n.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }

    private static String text(JsonNode n) {
        return n == null ? null : n.asText();
    }
}
