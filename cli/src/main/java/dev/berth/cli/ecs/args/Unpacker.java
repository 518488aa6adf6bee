package dev.berth.cli.ecs.args;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Shape;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns one option's text into the value the request carries, as the AWS CLI does
 * (argprocess.py): {@code file://} contents first, then shorthand syntax for structures and
 * lists of them unless the text looks like JSON, else JSON, numbers and strings by the model.
 */
public final class Unpacker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EcsModel model;
    private final Path cwd;

    public Unpacker(EcsModel model, Path cwd) {
        this.model = model;
        this.cwd = cwd;
    }

    /** {@code values} holds one text for a single-valued option, every text given for a list option. */
    public JsonNode unpack(String cliName, Shape shape, List<String> values, boolean listOption) {
        Object value = listOption ? values : values.get(0);
        List<String> asList = listOption ? values : List.of(values.get(0));
        if (asList.size() == 1) {
            String file = readParamFile(cliName, asList.get(0));
            if (file != null) value = file;
        }
        String check = value instanceof List<?> l ? (l.isEmpty() ? null : (String) l.get(0)) : (String) value;
        boolean looksJson = check != null && (check.strip().startsWith("[") || check.strip().startsWith("{"));
        if (!looksJson && supportsShorthand(shape)) {
            return shorthand(cliName, shape, value);
        }
        return unpackCliArg(cliName, shape, value);
    }

    /** Contents of a {@code file://} (or {@code fileb://}) value; null for any other value. */
    public String readParamFile(String cliName, String value) {
        String prefix = value.startsWith("file://") ? "file://" : value.startsWith("fileb://") ? "fileb://" : null;
        if (prefix == null) return null;
        String path = value.substring(prefix.length());
        if (path.startsWith("~/")) path = System.getProperty("user.home") + path.substring(1);
        try {
            return Files.readString(cwd.resolve(path), StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw CliError.param(cliName, "Unable to load paramfile (" + path + "), text contents could not be decoded.  "
                    + "If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.");
        } catch (NoSuchFileException e) {
            throw CliError.param(cliName, "Unable to load paramfile " + value + ": [Errno 2] No such file or directory: "
                    + PyInt.pyRepr(path));
        } catch (IOException e) {
            throw CliError.param(cliName, "Unable to load paramfile " + value + ": " + e.getMessage());
        }
    }

    private boolean supportsShorthand(Shape shape) {
        if (shape.isStructure() || shape.isMap()) return true;
        return shape.isList() && !model.shape(shape.member()).isScalar();
    }

    private JsonNode shorthand(String cliName, Shape shape, Object value) {
        try {
            JsonNode parsed;
            if (value instanceof List<?> list) {
                ArrayNode arr = NODES.arrayNode();
                for (Object v : list) arr.add(toNode(Shorthand.parse((String) v)));
                parsed = arr;
            } else {
                parsed = toNode(Shorthand.parse((String) value));
            }
            return new ShorthandTypes(model).apply(parsed, shape);
        } catch (Shorthand.ParseError e) {
            throw CliError.param(cliName, e.getMessage());
        }
    }

    private JsonNode unpackCliArg(String cliName, Shape shape, Object value) {
        if (shape.isScalar()) return scalar(shape, (String) value);
        if (shape.isStructure() || shape.isMap()) {
            String text = (String) value;
            if (text.strip().startsWith("{")) return json(cliName, text);
            if (text.strip().isEmpty()) throw CliError.general("string index out of range");
            throw CliError.param(cliName, "Invalid JSON:\n" + text);
        }
        if (value instanceof String text) {
            if (text.strip().startsWith("[")) return json(cliName, text);
            // The AWS CLI iterates a string here, one character at a time; a file's text rarely means that.
            throw CliError.param(cliName, "Invalid JSON:\n" + text);
        }
        @SuppressWarnings("unchecked") List<String> list = (List<String>) value;
        if (list.size() == 1 && list.get(0).strip().startsWith("[")) return json(cliName, list.get(0));
        Shape member = model.shape(shape.member());
        ArrayNode arr = NODES.arrayNode();
        for (String v : list) arr.add(unpackCliArg(cliName, member, v));
        return arr;
    }

    static JsonNode scalar(Shape shape, String value) {
        return switch (shape.type()) {
            case "integer", "long" -> NODES.numberNode(PyInt.parse(value));
            case "double", "float" -> NODES.numberNode(PyInt.parseFloat(value));
            case "boolean" -> NODES.booleanNode(!value.equalsIgnoreCase("false"));
            default -> NODES.textNode(value);
        };
    }

    private static JsonNode json(String cliName, String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw CliError.param(cliName, "Invalid JSON: " + e.getOriginalMessage() + "\nJSON received: " + text);
        }
    }

    @SuppressWarnings("unchecked")
    static JsonNode toNode(Object v) {
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            ((Map<String, Object>) m).forEach((k, x) -> o.set(k, toNode(x)));
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode();
            l.forEach(x -> a.add(toNode(x)));
            return a;
        }
        return NODES.textNode((String) v);
    }
}
