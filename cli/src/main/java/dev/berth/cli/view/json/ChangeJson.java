package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.value.Value;

import java.util.List;

import static dev.berth.cli.view.json.JsonDocs.NODES;

/** One element of resource_changes or resource_drift, and one entry of output_changes. */
final class ChangeJson {
    private ChangeJson() {
    }

    static ObjectNode resource(ResourceChange c) {
        ObjectNode n = JsonDocs.instance(c.addr()).put("provider_name", c.provider());
        if (c.moved()) n.put("previous_address", c.previousAddr().toString());
        if (c.deposed() != null) n.put("deposed", c.deposed());
        ObjectNode change = n.putObject("change");
        ArrayNode actions = change.putArray("actions");
        c.action().jsonActions().forEach(actions::add);
        change.set("before", Markings.plainOrNull(c.before()));
        change.set("after", Markings.plainOrNull(c.after()));
        change.set("after_unknown", Markings.afterUnknown(c.after()));
        change.set("before_sensitive", c.before() == null ? BooleanNode.FALSE : Markings.sensitive(c.before()));
        change.set("after_sensitive", c.after() == null ? BooleanNode.FALSE : Markings.sensitive(c.after()));
        if (!c.replacePaths().isEmpty()) {
            ArrayNode paths = change.putArray("replace_paths");
            for (List<Object> path : c.replacePaths()) {
                ArrayNode p = paths.addArray();
                for (Object step : path) {
                    if (step instanceof Integer i) p.add(i);
                    else p.add(String.valueOf(step));
                }
            }
        }
        if (c.reason().json() != null) n.put("action_reason", c.reason().json());
        return n;
    }

    /**
     * An output's change. Terraform knows only whether an output is sensitive as a whole, so
     * both sensitivity markers are that flag; a wholly unknown after is left out, as in Terraform.
     */
    static ObjectNode output(OutputChange c) {
        ObjectNode n = NODES.objectNode();
        ArrayNode actions = n.putArray("actions");
        c.action().jsonActions().forEach(actions::add);
        n.set("before", hidden(c.before(), c.sensitive()));
        JsonNode after = c.after() == null ? NODES.nullNode() : hidden(c.after(), c.sensitive());
        if (after != null) n.set("after", after);
        n.set("after_unknown", c.after() == null ? BooleanNode.FALSE : Markings.unknown(c.after()));
        n.set("before_sensitive", marker(c.before(), c.sensitive()));
        n.set("after_sensitive", marker(c.after(), c.sensitive()));
        return n;
    }

    private static JsonNode hidden(Value v, boolean sensitive) {
        if (v == null) return NODES.nullNode();
        if (sensitive) return v.isWhollyKnown() ? NODES.nullNode() : null;
        return Markings.plain(v);
    }

    private static JsonNode marker(Value v, boolean sensitive) {
        if (sensitive) return BooleanNode.TRUE;
        return v == null ? BooleanNode.FALSE : Markings.sensitive(v);
    }
}
