package dev.berth.engine.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.berth.engine.planfile.MarkedValueCodec.NODES;

/**
 * The pieces of a plan as JSON: addresses, resource and output changes, the prior state.
 * Addresses are stored as their parts, not as printed text, so a for_each key holding quotes
 * or brackets needs no escaping rules to come back exactly.
 */
final class PlanPartsCodec {
    private PlanPartsCodec() {
    }

    static ObjectNode addr(ResourceInstanceAddr a) {
        ObjectNode n = NODES.objectNode();
        // Absent for managed resources, so plan files written before data sources read back the same.
        if (a.isData()) n.put("mode", "data");
        n.put("type", a.type()).put("name", a.name());
        if (a.key() instanceof InstanceKey.Index i) n.put("index", i.value());
        else if (a.key() instanceof InstanceKey.Key k) n.put("key", k.value());
        return n;
    }

    static ResourceInstanceAddr addr(JsonNode n) {
        InstanceKey key = n.has("index") ? InstanceKey.of(Fields.integer(n, "index"))
                : n.has("key") ? InstanceKey.of(Fields.text(n, "key")) : InstanceKey.NONE;
        ResourceAddr.Mode mode = "data".equals(n.path("mode").asText()) ? ResourceAddr.Mode.DATA
                : ResourceAddr.Mode.MANAGED;
        return new ResourceAddr(mode, Fields.text(n, "type"), Fields.text(n, "name")).instance(key);
    }

    static ObjectNode resourceChange(ResourceChange c) {
        ObjectNode n = NODES.objectNode();
        n.set("addr", addr(c.addr()));
        n.put("provider", c.provider()).put("action", c.action().name()).put("reason", c.reason().name());
        n.set("before", c.before() == null ? NODES.nullNode() : MarkedValueCodec.encode(c.before()));
        n.set("after", c.after() == null ? NODES.nullNode() : MarkedValueCodec.encode(c.after()));
        if (c.previousAddr() != null) n.set("previous_addr", addr(c.previousAddr()));
        if (c.deposed() != null) n.put("deposed", c.deposed());
        // Absent when empty, so plan files written before notes existed read back the same.
        if (!c.notes().isEmpty()) {
            ArrayNode notes = n.putArray("notes");
            c.notes().forEach(notes::add);
        }
        // Absent when empty, as notes are, so older plan files read back the same.
        if (!c.fold().attributes().isEmpty()) {
            ArrayNode folded = n.putArray("fold_attributes");
            c.fold().attributes().forEach(folded::add);
        }
        if (c.fold().summary() != null) n.put("fold_summary", c.fold().summary());
        if (!c.fold().blocks().isEmpty()) {
            ArrayNode blocks = n.putArray("fold_blocks");
            c.fold().blocks().forEach(blocks::add);
        }
        ArrayNode paths = n.putArray("replace_paths");
        for (List<Object> path : c.replacePaths()) {
            ArrayNode p = paths.addArray();
            for (Object step : path) {
                if (step instanceof Integer i) p.add(i);
                else p.add(String.valueOf(step));
            }
        }
        return n;
    }

    static ResourceChange resourceChange(JsonNode n) {
        List<List<Object>> paths = new ArrayList<>();
        for (JsonNode p : Fields.array(n, "replace_paths")) {
            List<Object> path = new ArrayList<>();
            for (JsonNode step : p) path.add(step.isInt() ? (Object) step.intValue() : step.asText());
            paths.add(path);
        }
        return new ResourceChange(addr(Fields.object(n, "addr")), Fields.text(n, "provider"),
                Fields.enumValue(n, "action", Action.class), MarkedValueCodec.decodeObject(n.get("before")),
                MarkedValueCodec.decodeObject(n.get("after")), paths, Fields.enumValue(n, "reason", ActionReason.class),
                n.has("previous_addr") ? addr(Fields.object(n, "previous_addr")) : null, notes(n),
                n.has("deposed") ? Fields.text(n, "deposed") : null, fold(n));
    }

    private static dev.berth.engine.plan.Fold fold(JsonNode n) {
        List<String> names = new ArrayList<>();
        if (n.has("fold_attributes")) for (JsonNode a : Fields.array(n, "fold_attributes")) names.add(a.asText());
        List<String> blocks = new ArrayList<>();
        if (n.has("fold_blocks")) for (JsonNode b : Fields.array(n, "fold_blocks")) blocks.add(b.asText());
        return new dev.berth.engine.plan.Fold(names, n.has("fold_summary") ? Fields.text(n, "fold_summary") : null, blocks);
    }

    private static List<String> notes(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.has("notes")) for (JsonNode note : Fields.array(n, "notes")) out.add(note.asText());
        return out;
    }

    static ObjectNode outputChange(OutputChange c) {
        ObjectNode n = NODES.objectNode().put("name", c.name()).put("action", c.action().name());
        // An absent before/after is not the same as a null value, so it is a JSON absence here.
        if (c.before() != null) n.set("before", MarkedValueCodec.encode(c.before()));
        if (c.after() != null) n.set("after", MarkedValueCodec.encode(c.after()));
        return n.put("sensitive", c.sensitive());
    }

    static OutputChange outputChange(JsonNode n) {
        return new OutputChange(Fields.text(n, "name"), Fields.enumValue(n, "action", Action.class),
                n.has("before") ? MarkedValueCodec.decode(n.get("before")) : null,
                n.has("after") ? MarkedValueCodec.decode(n.get("after")) : null, Fields.bool(n, "sensitive"));
    }

    static ObjectNode state(StateSnapshot s) {
        ObjectNode n = NODES.objectNode().put("lineage", s.lineage()).put("serial", s.serial());
        ArrayNode resources = n.putArray("resources");
        for (ResourceState rs : s.resources().values()) resources.add(resourceState(rs));
        // Absent when empty, so plan files written before deposed objects existed read back the same.
        if (!s.deposed().isEmpty()) {
            ArrayNode deposed = n.putArray("deposed");
            for (DeposedObject d : s.deposed()) deposed.add(resourceState(d.object()).put("deposed", d.key()));
        }
        ArrayNode outputs = n.putArray("outputs");
        for (OutputState o : s.outputs().values()) {
            outputs.addObject().put("name", o.name()).put("sensitive", o.sensitive())
                    .set("value", MarkedValueCodec.encode(o.value()));
        }
        return n;
    }

    static StateSnapshot state(JsonNode n) {
        Map<ResourceInstanceAddr, ResourceState> resources = new LinkedHashMap<>();
        for (JsonNode r : Fields.array(n, "resources")) {
            ResourceState rs = resourceState(r);
            resources.put(rs.addr(), rs);
        }
        List<DeposedObject> deposed = new ArrayList<>();
        if (n.has("deposed")) {
            for (JsonNode r : Fields.array(n, "deposed")) deposed.add(new DeposedObject(Fields.text(r, "deposed"), resourceState(r)));
        }
        Map<String, OutputState> outputs = new LinkedHashMap<>();
        for (JsonNode o : Fields.array(n, "outputs")) {
            OutputState out = new OutputState(Fields.text(o, "name"), MarkedValueCodec.decode(o.get("value")),
                    Fields.bool(o, "sensitive"));
            outputs.put(out.name(), out);
        }
        return new StateSnapshot(Fields.text(n, "lineage"), Fields.longValue(n, "serial"), resources, outputs, deposed);
    }

    private static ObjectNode resourceState(ResourceState rs) {
        ObjectNode r = NODES.objectNode();
        r.set("addr", addr(rs.addr()));
        r.put("provider", rs.provider()).put("schema_version", rs.schemaVersion());
        r.set("attributes", MarkedValueCodec.encode(rs.attributes()));
        ArrayNode deps = r.putArray("dependencies");
        rs.dependencies().forEach(deps::add);
        r.put("tainted", rs.tainted());
        return r;
    }

    private static ResourceState resourceState(JsonNode r) {
        List<String> deps = new ArrayList<>();
        for (JsonNode d : Fields.array(r, "dependencies")) deps.add(d.asText());
        return new ResourceState(addr(Fields.object(r, "addr")), Fields.text(r, "provider"),
                Fields.integer(r, "schema_version"), MarkedValueCodec.decodeObject(Fields.object(r, "attributes")),
                deps, Fields.bool(r, "tainted"));
    }
}
