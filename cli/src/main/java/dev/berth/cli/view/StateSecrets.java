package dev.berth.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts back the sensitive values {@code state pull} withheld: each path in an instance's
 * {@code sensitive_attributes} gets the value the state being replaced holds there, marked
 * sensitive again. Paths are Terraform's steps ({@code get_attr} by name, {@code index} by number).
 */
final class StateSecrets {
    private StateSecrets() {
    }

    static MapValue restore(JsonNode instance, ResourceState current, ResourceInstanceAddr addr) {
        JsonNode attrs = instance.get("attributes");
        if (attrs == null || !attrs.isObject()) throw new StateDocument.Damaged("the attributes of " + addr
                + " are not an object");
        Value v = ValueJson.fromJsonNode(attrs);
        for (JsonNode path : StateDocument.array(instance, "sensitive_attributes")) {
            List<Object> steps = steps(path, addr);
            Value was = current == null ? null : at(current.attributes(), steps);
            if (!(was instanceof SensitiveValue)) {
                throw new StateDocument.Damaged("a sensitive value of " + addr + " was withheld by pull and the "
                        + "current state no longer holds it");
            }
            v = with(v, steps, 0, was, addr);
        }
        return (MapValue) v;
    }

    private static List<Object> steps(JsonNode path, ResourceInstanceAddr addr) {
        if (!path.isArray() || path.isEmpty()) throw new StateDocument.Damaged("a sensitive path of " + addr
                + " is not a list of steps");
        List<Object> out = new ArrayList<>();
        for (JsonNode step : path) {
            String type = step.path("type").asText();
            JsonNode value = step.get("value");
            if (type.equals("get_attr") && value != null && value.isTextual()) {
                out.add(value.textValue());
            } else if (type.equals("index") && value != null && value.path("value").isInt()
                    && value.path("value").intValue() >= 0) {
                out.add(value.path("value").intValue());
            } else {
                throw new StateDocument.Damaged("a sensitive path of " + addr + " has a step berth does not write: "
                        + step);
            }
        }
        return out;
    }

    private static Value at(Value v, List<Object> steps) {
        for (Object s : steps) {
            if (s instanceof String k && v instanceof MapValue m && m.has(k)) v = m.get(k);
            else if (s instanceof Integer i && v instanceof ListValue l && i < l.size()) v = l.get(i);
            else return null;
        }
        return v;
    }

    private static Value with(Value v, List<Object> steps, int from, Value leaf, ResourceInstanceAddr addr) {
        if (from == steps.size()) return leaf;
        Object s = steps.get(from);
        if (s instanceof String k && v instanceof MapValue m && m.has(k)) {
            Map<String, Value> entries = new TreeMap<>(m.entries());
            entries.put(k, with(m.get(k), steps, from + 1, leaf, addr));
            return new MapValue(entries);
        }
        if (s instanceof Integer i && v instanceof ListValue l && i < l.size()) {
            List<Value> items = new ArrayList<>();
            for (int j = 0; j < l.size(); j++) items.add(j == i ? with(l.get(j), steps, from + 1, leaf, addr) : l.get(j));
            return new ListValue(items, l.set());
        }
        throw new StateDocument.Damaged("a sensitive path of " + addr + " leads nowhere in its attributes");
    }
}
