package dev.berth.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.memo.TextDigest;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * How resources and outputs are laid out as table rows, and as the one-document form the history
 * keeps of a row's previous contents. Both forms carry the same fields, so a row can be rebuilt
 * from history without knowing which schema version wrote the table.
 */
final class StateRows {

    private StateRows() {
    }

    /**
     * The objects the last snapshot of this process decoded, by address with the text they were
     * decoded from: a background berth reads one state plan after plan, and the same text decodes
     * to the same value.
     */
    static final LastRead<String, Decoded> DECODED = new LastRead<>();

    /**
     * An object's stored columns (the digest of its attributes and the paths of its sensitive
     * values: the texts themselves were 93 MB of a background berth at 100,000 objects), their
     * value, and its parsed address (the key the memo holds it under).
     */
    record Decoded(ResourceInstanceAddr addr, TextDigest columns, MapValue value) {
    }

    /** A {@code resources} row, its JSON columns already rendered. */
    record ResourceRow(String addr, String provider, int schemaVersion, String attributesJson,
                       String sensitivePathsJson, String dependenciesJson, boolean tainted) {

        static ResourceRow of(ResourceState r) {
            ValueCodec.Encoded attrs = ValueCodec.encode(r.attributes());
            ArrayNode deps = ValueCodec.JSON.createArrayNode();
            r.dependencies().forEach(deps::add);
            return new ResourceRow(r.addr().toString(), r.provider(), r.schemaVersion(),
                    ValueCodec.write(attrs.plain()), ValueCodec.write(attrs.sensitivePaths()),
                    ValueCodec.write(deps), r.tainted());
        }

        ResourceState toState() {
            ResourceInstanceAddr a = address();
            Value attrs = ValueCodec.decode(attributesJson, sensitivePathsJson);
            return toState(a, attrs instanceof MapValue m ? m : null);
        }

        /** As {@link #toState()}, the attributes taken from the last snapshot's read when their text is unchanged. */
        ResourceState toState(LastRead.Pass<String, Decoded> decoded) {
            if (!LastRead.keepsAcrossReads()) return toState();
            TextDigest columns = TextDigest.of(attributesJson, sensitivePathsJson);
            Decoded d = decoded.get(addr, was -> was.columns().equals(columns), k -> {
                ResourceInstanceAddr a = address();
                return ValueCodec.decode(attributesJson, sensitivePathsJson) instanceof MapValue m
                        ? new Decoded(a, columns, m) : null;
            });
            return d == null ? toState() : toState(d.addr(), d.value());
        }

        private ResourceInstanceAddr address() {
            return ResourceInstanceAddr.parse(addr).orElseThrow(
                    () -> new IllegalArgumentException("corrupt resource address in state file: " + addr));
        }

        private ResourceState toState(ResourceInstanceAddr a, MapValue m) {
            if (m == null) throw new IllegalArgumentException("corrupt attributes for " + addr + " in state file");
            List<String> deps = new ArrayList<>();
            if (!dependenciesJson.equals("[]")) for (JsonNode d : ValueCodec.parse(dependenciesJson)) deps.add(d.asText());
            return new ResourceState(a, provider, schemaVersion, m, deps, tainted);
        }

        String toDocument() {
            ObjectNode doc = ValueCodec.JSON.createObjectNode();
            doc.put("provider", provider);
            doc.put("schema_version", schemaVersion);
            // The columns already hold JSON; embedding them raw avoids a parse per history entry.
            doc.putRawValue("attributes", new RawValue(attributesJson));
            doc.putRawValue("sensitive_attributes", new RawValue(sensitivePathsJson));
            doc.putRawValue("dependencies", new RawValue(dependenciesJson));
            doc.put("tainted", tainted);
            return ValueCodec.write(doc);
        }

        static ResourceRow fromDocument(String addr, String document) {
            JsonNode doc = ValueCodec.parse(document);
            return new ResourceRow(addr, doc.path("provider").asText(), doc.path("schema_version").asInt(),
                    ValueCodec.write(doc.path("attributes")), ValueCodec.write(doc.path("sensitive_attributes")),
                    ValueCodec.write(doc.path("dependencies")), doc.path("tainted").asBoolean());
        }
    }

    /**
     * A {@code deposed} row: a resource row plus its deposed key. In the undo log its key is the
     * address and the deposed key joined by a space; a deposed key never holds one, so the last
     * space splits them even when the address's instance key does.
     */
    record DeposedRow(String deposedKey, ResourceRow row) {

        static DeposedRow of(DeposedObject d) {
            return new DeposedRow(d.key(), ResourceRow.of(d.object()));
        }

        String historyKey() {
            return row.addr() + " " + deposedKey;
        }

        static DeposedRow fromDocument(String historyKey, String document) {
            int space = historyKey.lastIndexOf(' ');
            return new DeposedRow(historyKey.substring(space + 1),
                    ResourceRow.fromDocument(historyKey.substring(0, space), document));
        }

        DeposedObject toState() {
            return new DeposedObject(deposedKey, row.toState());
        }
    }

    /** An {@code outputs} row, its JSON columns already rendered. */
    record OutputRow(String name, String valueJson, String sensitivePathsJson, boolean sensitive) {

        static OutputRow of(OutputState o) {
            ValueCodec.Encoded v = ValueCodec.encode(o.value());
            return new OutputRow(o.name(), ValueCodec.write(v.plain()), ValueCodec.write(v.sensitivePaths()),
                    o.sensitive());
        }

        OutputState toState() {
            Value v = ValueCodec.decode(valueJson, sensitivePathsJson);
            return new OutputState(name, v, sensitive);
        }

        String toDocument() {
            ObjectNode doc = ValueCodec.JSON.createObjectNode();
            doc.putRawValue("value", new RawValue(valueJson));
            doc.putRawValue("sensitive_attributes", new RawValue(sensitivePathsJson));
            doc.put("sensitive", sensitive);
            return ValueCodec.write(doc);
        }

        static OutputRow fromDocument(String name, String document) {
            JsonNode doc = ValueCodec.parse(document);
            return new OutputRow(name, ValueCodec.write(doc.path("value")),
                    ValueCodec.write(doc.path("sensitive_attributes")), doc.path("sensitive").asBoolean());
        }
    }
}
