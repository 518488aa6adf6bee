package dev.berth.cli.ecs.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Member;
import dev.berth.cli.ecs.model.Shape;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * botocore's ParamValidator: required members, unknown members and value types, reported
 * together as "Parameter validation failed:" with one line per problem, in botocore's words.
 */
public final class Validator {
    private final EcsModel model;
    private final List<String> errors = new ArrayList<>();

    private Validator(EcsModel model) {
        this.model = model;
    }

    /** Throws a {@link CliError} (exit 252) listing every problem of {@code params}. */
    public static void check(EcsModel model, JsonNode params, Shape input) {
        Validator v = new Validator(model);
        v.validate(params, input, "");
        if (!v.errors.isEmpty()) {
            throw CliError.validation("Parameter validation failed:\n" + String.join("\n", v.errors));
        }
    }

    private static String name(String path) {
        if (path.isEmpty()) return "input";
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private void validate(JsonNode value, Shape shape, String path) {
        switch (shape.type()) {
            case "structure" -> structure(value, shape, path);
            case "list" -> {
                if (!value.isArray()) {
                    typeError(value, path, "<class 'list'>, <class 'tuple'>");
                    return;
                }
                Shape member = model.shape(shape.member());
                for (int i = 0; i < value.size(); i++) validate(value.get(i), member, path + "[" + i + "]");
            }
            case "map" -> {
                if (!value.isObject()) {
                    typeError(value, path, "<class 'dict'>");
                    return;
                }
                Shape valueShape = model.shape(shape.value());
                Iterator<Map.Entry<String, JsonNode>> it = value.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    validate(e.getValue(), valueShape, path + "." + e.getKey());
                }
            }
            case "string" -> {
                if (!value.isTextual()) typeError(value, path, "<class 'str'>");
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber() && !value.isBoolean()) typeError(value, path, "<class 'int'>");
            }
            case "boolean" -> {
                if (!value.isBoolean()) typeError(value, path, "<class 'bool'>");
            }
            case "double", "float" -> {
                if (!value.isNumber()) typeError(value, path, "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>");
            }
            case "timestamp" -> {
                if (!value.isTextual() && !value.isNumber()) {
                    typeError(value, path, "<class 'datetime.datetime'>, <class 'str'>");
                }
            }
            default -> {
            }
        }
    }

    private void structure(JsonNode value, Shape shape, String path) {
        if (!value.isObject()) {
            typeError(value, path, "<class 'dict'>");
            return;
        }
        for (String required : shape.required()) {
            if (!value.has(required)) errors.add("Missing required parameter in " + name(path) + ": \"" + required + "\"");
        }
        List<String> known = new ArrayList<>();
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String param = names.next();
            if (shape.memberNamed(param).isEmpty()) {
                List<String> valid = new ArrayList<>();
                for (Member m : shape.members()) if (!shape.berthMembers().contains(m.name())) valid.add(m.name());
                errors.add("Unknown parameter in " + name(path) + ": \"" + param + "\", must be one of: " + String.join(", ", valid));
            } else {
                known.add(param);
            }
        }
        for (String param : known) {
            validate(value.get(param), model.shape(shape.memberNamed(param).orElseThrow().shape()), path + "." + param);
        }
    }

    private void typeError(JsonNode value, String path, String validTypes) {
        errors.add("Invalid type for parameter " + name(path) + ", value: " + pyStr(value) + ", type: " + pyType(value)
                + ", valid types: " + validTypes);
    }

    private static String pyType(JsonNode v) {
        if (v.isTextual()) return "<class 'str'>";
        if (v.isBoolean()) return "<class 'bool'>";
        if (v.isIntegralNumber()) return "<class 'int'>";
        if (v.isNumber()) return "<class 'float'>";
        if (v.isArray()) return "<class 'list'>";
        if (v.isObject()) return "<class 'dict'>";
        return "<class 'NoneType'>";
    }

    /** str() of a value as Python prints it in the message (dicts and lists in repr form). */
    private static String pyStr(JsonNode v) {
        if (v.isTextual()) return v.textValue();
        return repr(v);
    }

    private static String repr(JsonNode v) {
        if (v.isTextual()) return PyInt.pyRepr(v.textValue());
        if (v.isBoolean()) return v.booleanValue() ? "True" : "False";
        if (v.isNull()) return "None";
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(repr(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.fields().forEachRemaining(e -> parts.add(PyInt.pyRepr(e.getKey()) + ": " + repr(e.getValue())));
            return "{" + String.join(", ", parts) + "}";
        }
        return v.asText();
    }
}
