package dev.berth.cli.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.eval.TypeConstraint;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.value.ValueJson;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code output -json}: Terraform's document, one object per output holding its sensitivity,
 * its type in JSON type syntax ({@link CtyTypes}) and its value (null when sensitive).
 */
public final class OutputsJson {
    private OutputsJson() {
    }

    /** declared: the type configuration gives an output's value, where it gives one. */
    public static String render(Map<String, OutputState> outputs, Map<String, TypeConstraint> declared) {
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(outputs).forEach((name, o) -> {
            ObjectNode entry = all.putObject(name);
            entry.put("sensitive", o.sensitive());
            entry.set("type", CtyTypes.of(o.value().unmarked(), declared.get(name)));
            // Unlike Terraform, a sensitive value is never printed, in JSON either: null stands for it.
            boolean hidden = o.sensitive() || o.value().containsSensitive();
            entry.set("value", hidden ? JsonNodeFactory.instance.nullNode() : ValueJson.toJsonNode(o.value().unmarked()));
        });
        return all.toString();
    }
}
