package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;

import static dev.berth.cli.view.json.JsonDocs.NODES;

/**
 * Terraform's JSON state representation ({@code format_version} 1.0), printed by
 * {@code show -json} and embedded as a plan's {@code prior_state}. Sensitive values are null,
 * their {@code sensitive_values} entry saying that they were hidden.
 */
public final class StateJson {
    public static final String FORMAT_VERSION = "1.0";
    private final String version;

    public StateJson(String berthVersion) {
        this.version = berthVersion;
    }

    /** The document for a state; {@code null} (no state at all) prints only the format version. */
    public ObjectNode document(StateSnapshot state) {
        ObjectNode doc = NODES.objectNode().put("format_version", FORMAT_VERSION);
        if (state == null) return doc;
        doc.put("terraform_version", version);
        doc.set("values", values(state));
        return doc;
    }

    ObjectNode values(StateSnapshot state) {
        ObjectNode values = NODES.objectNode();
        ObjectNode outputs = values.putObject("outputs");
        for (OutputState o : state.outputs().values()) {
            ObjectNode out = outputs.putObject(o.name()).put("sensitive", o.sensitive());
            out.set("value", o.sensitive() ? NODES.nullNode() : Markings.plainOrNull(o.value()));
            out.set("type", Markings.type(o.value()));
        }
        ArrayNode resources = values.putObject("root_module").putArray("resources");
        for (ResourceState rs : state.resources().values()) resources.add(resource(rs, null));
        // As Terraform's JSON state: a deposed object is one more entry, told apart by deposed_key.
        for (DeposedObject d : state.deposed()) resources.add(resource(d.object(), d.key()));
        return values;
    }

    private static ObjectNode resource(ResourceState rs, String deposedKey) {
        ObjectNode r = JsonDocs.instance(rs.addr());
        r.put("provider_name", rs.provider()).put("schema_version", rs.schemaVersion());
        r.set("values", Markings.plainOrNull(rs.attributes()));
        r.set("sensitive_values", Markings.sensitive(rs.attributes()));
        if (!rs.dependencies().isEmpty()) {
            ArrayNode deps = r.putArray("depends_on");
            rs.dependencies().forEach(deps::add);
        }
        if (rs.tainted()) r.put("tainted", true);
        if (deposedKey != null) r.put("deposed_key", deposedKey);
        return r;
    }
}
