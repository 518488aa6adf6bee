package dev.berth.cli.ecs.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The operations berth serves and every shape they reach, in the model's member order. */
public final class EcsModel {
    private static EcsModel instance;

    private final Map<String, Operation> operations;
    private final Map<String, Operation> byCommand;
    private final Map<String, Shape> shapes;
    private final int[][] wideCodePoints;

    EcsModel(Map<String, Operation> operations, Map<String, Shape> shapes, int[][] wide) {
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
                instance = ModelReader.read(in);
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
}
