package dev.berth.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.checksum.ContentChecksum;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state in Terraform's state file shape (version 4), as {@code state pull} prints it.
 * Unlike Terraform, sensitive values are written as null: berth never shows a secret in plain
 * text, so their paths are listed in {@code sensitive_attributes} and the values stay in the store.
 * A {@code checksum} over the content ({@link ContentChecksum}) lets {@code state push} refuse a
 * document edited by hand; {@link StateDocument} reads it back.
 */
public final class StateJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final String version;

    public StateJson(String version) {
        this.version = version;
    }

    public String render(StateSnapshot state) {
        ObjectNode root = NODES.objectNode();
        root.put("version", 4);
        root.put("terraform_version", version);
        root.put("serial", state.serial());
        root.put("lineage", state.lineage());
        ObjectNode outputs = root.putObject("outputs");
        state.outputs().values().forEach(o -> outputs.set(o.name(), output(o)));
        ArrayNode resources = root.putArray("resources");
        Map<ResourceAddr, List<Instance>> byResource = new java.util.TreeMap<>();
        state.resources().values().forEach(rs -> byResource.computeIfAbsent(rs.addr().resource(),
                k -> new ArrayList<>()).add(new Instance(rs, null)));
        // Deposed objects are instance objects with a "deposed" key, beside their instance's current one.
        state.deposed().forEach(d -> byResource.computeIfAbsent(d.addr().resource(), k -> new ArrayList<>())
                .add(new Instance(d.object(), d.key())));
        byResource.values().forEach(list -> list.sort(java.util.Comparator.comparing((Instance i) -> i.rs().addr())
                .thenComparing(Instance::deposed, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))));
        byResource.forEach((addr, instances) -> resources.add(resource(addr, instances)));
        root.putNull("check_results");
        // Terraform ignores fields it does not know, so the document stays readable by it.
        ContentChecksum.seal(root);
        return JsonDocuments.pretty(root);
    }

    private static ObjectNode output(OutputState o) {
        ObjectNode n = NODES.objectNode();
        boolean hidden = o.sensitive() || o.value().containsSensitive();
        n.set("value", hidden ? NODES.nullNode() : ValueJson.toJsonNode(o.value()));
        n.set("type", CtyTypes.of(o.value().unmarked()));
        if (hidden) n.put("sensitive", true);
        return n;
    }

    private record Instance(ResourceState rs, String deposed) {
    }

    private static ObjectNode resource(ResourceAddr addr, List<Instance> instances) {
        ObjectNode n = NODES.objectNode();
        n.put("mode", addr.mode().json());
        n.put("type", addr.type());
        n.put("name", addr.name());
        InstanceKey key = instances.get(0).rs().addr().key();
        if (key instanceof InstanceKey.Index) n.put("each", "list");
        if (key instanceof InstanceKey.Key) n.put("each", "map");
        n.put("provider", "provider[\"" + instances.get(0).rs().provider() + "\"]");
        ArrayNode arr = n.putArray("instances");
        instances.forEach(i -> arr.add(instance(i.rs(), i.deposed())));
        return n;
    }

    private static ObjectNode instance(ResourceState rs, String deposed) {
        ObjectNode n = NODES.objectNode();
        if (rs.addr().key() instanceof InstanceKey.Index i) n.put("index_key", i.value());
        if (rs.addr().key() instanceof InstanceKey.Key k) n.put("index_key", k.value());
        if (rs.tainted()) n.put("status", "tainted");
        if (deposed != null) n.put("deposed", deposed);
        n.put("schema_version", rs.schemaVersion());
        List<ArrayNode> sensitivePaths = new ArrayList<>();
        n.set("attributes", withoutSecrets(rs.attributes(), NODES.arrayNode(), sensitivePaths));
        ArrayNode sensitive = n.putArray("sensitive_attributes");
        sensitivePaths.forEach(sensitive::add);
        if (rs.addr().isData()) return n; // Terraform records no dependencies for a data resource
        ArrayNode deps = n.putArray("dependencies");
        rs.dependencies().forEach(deps::add);
        return n;
    }

    /** The value as JSON with every sensitive part replaced by null and its path recorded. */
    private static JsonNode withoutSecrets(Value v, ArrayNode path, List<ArrayNode> found) {
        if (v instanceof SensitiveValue) {
            found.add(path.deepCopy());
            return NODES.nullNode();
        }
        if (v instanceof MapValue m && m.containsSensitive()) {
            ObjectNode obj = NODES.objectNode();
            m.entries().forEach((k, item) -> {
                ArrayNode p = path.deepCopy();
                p.addObject().put("type", "get_attr").put("value", k);
                obj.set(k, withoutSecrets(item, p, found));
            });
            return obj;
        }
        if (v instanceof ListValue l && l.containsSensitive()) {
            ArrayNode arr = NODES.arrayNode();
            for (int i = 0; i < l.size(); i++) {
                ArrayNode p = path.deepCopy();
                ObjectNode step = p.addObject().put("type", "index");
                step.putObject("value").put("value", i).put("type", "number");
                arr.add(withoutSecrets(l.get(i), p, found));
            }
            return arr;
        }
        return ValueJson.toJsonNode(v);
    }
}
