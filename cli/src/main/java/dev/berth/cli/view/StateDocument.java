package dev.berth.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.checksum.ContentChecksum;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberRangeException;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back what {@link StateJson} wrote, for {@code state push}. The document must carry the
 * checksum {@code state pull} put on it; sensitive values, which pull writes as null, are taken
 * from the state being replaced (they never leave the store), so a pull-then-push loses nothing.
 */
public final class StateDocument {
    private static final JsonMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Why a document cannot be pushed, as one sentence naming the file. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A detail of what is broken inside a document whose checksum matched; caught and worded by {@link #read}. */
    static final class Damaged extends RuntimeException {
        Damaged(String detail) {
            super(detail, null, false, false);
        }
    }

    private StateDocument() {
    }

    /**
     * The snapshot a document describes. {@code name} is how messages refer to the file;
     * {@code current} is the state the document would replace, the source of withheld secrets.
     */
    public static StateSnapshot read(String text, String name, StateSnapshot current) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new Refused("The file " + name + " is not a state document written by berth state pull.");
        }
        if (!(root instanceof ObjectNode doc) || !root.path("version").isIntegralNumber()
                || root.path("version").asLong() != 4 || !root.path("lineage").isTextual()) {
            throw new Refused("The file " + name + " is not a state document written by berth state pull.");
        }
        switch (ContentChecksum.verify(doc)) {
            case MISSING -> throw new Refused("The state document " + name + " has no checksum, so berth cannot "
                    + "tell whether it was edited; push only what berth state pull wrote.");
            case EDITED -> throw new Refused("The state document " + name + " was changed after berth state pull "
                    + "wrote it (its checksum does not match its content).");
            case INTACT -> {
            }
        }
        try {
            return decode(doc, current);
        } catch (Damaged e) {
            throw new Refused("The state document " + name + " cannot be pushed: " + e.getMessage() + ".");
        } catch (NumberRangeException e) {
            throw new Refused("The state document " + name + " cannot be pushed: it holds a number out of range.");
        }
    }

    private static StateSnapshot decode(ObjectNode doc, StateSnapshot current) {
        Map<String, OutputState> outputs = new HashMap<>();
        doc.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), output(e.getKey(), e.getValue(),
                current)));
        Map<ResourceInstanceAddr, ResourceState> resources = new HashMap<>();
        List<DeposedObject> deposed = new ArrayList<>();
        java.util.Set<ResourceAddr> seen = new java.util.HashSet<>();
        for (JsonNode r : array(doc, "resources")) {
            ResourceAddr addr = resourceAddr(r);
            // Pull writes one entry per resource, whose provider is every instance's: a second
            // entry could name another provider, which the stored state cannot give back.
            if (!seen.add(addr)) throw new Damaged("the resource " + addr + " appears twice");
            String provider = provider(text(r, "provider"));
            for (JsonNode i : array(r, "instances")) {
                ResourceInstanceAddr ia = addr.instance(key(i.get("index_key")));
                String deposedKey = i.has("deposed") ? text(i, "deposed") : null;
                ResourceState found = deposedKey == null ? current.resources().get(ia) : current.deposed().stream()
                        .filter(d -> d.addr().equals(ia) && d.key().equals(deposedKey))
                        .map(DeposedObject::object).findFirst().orElse(null);
                MapValue attrs = StateSecrets.restore(i, found, ia);
                List<String> deps = new ArrayList<>();
                // Pull writes no dependencies for a data instance (nor does Terraform): they stay in the store.
                if (ia.isData()) {
                    if (found != null) deps.addAll(found.dependencies());
                } else if (i.has("dependencies")) {
                    array(i, "dependencies").forEach(d -> deps.add(d.asText()));
                }
                int schema = i.path("schema_version").isInt() ? i.get("schema_version").intValue() : 0;
                ResourceState rs = new ResourceState(ia, provider, schema, attrs, deps,
                        "tainted".equals(i.path("status").asText()));
                if (deposedKey != null) {
                    deposed.add(new DeposedObject(deposedKey, rs));
                } else if (resources.put(ia, rs) != null) {
                    throw new Damaged(ia + " appears twice");
                }
            }
        }
        return new StateSnapshot(doc.get("lineage").textValue(), doc.path("serial").asLong(), resources, outputs,
                deposed);
    }

    private static OutputState output(String name, JsonNode o, StateSnapshot current) {
        if (!o.isObject()) throw new Damaged("output \"" + name + "\" is not an object");
        if (o.path("sensitive").asBoolean(false)) {
            OutputState was = current.outputs().get(name);
            if (was == null) throw new Damaged("the sensitive output \"" + name + "\" was withheld by pull and the "
                    + "current state no longer holds it");
            return was;
        }
        return new OutputState(name, ValueJson.fromJsonNode(o.get("value")), false);
    }

    private static ResourceAddr resourceAddr(JsonNode r) {
        String mode = text(r, "mode");
        String type = text(r, "type");
        String name = text(r, "name");
        return switch (mode) {
            case "managed" -> new ResourceAddr(type, name);
            case "data" -> ResourceAddr.data(type, name);
            default -> throw new Damaged("resource mode \"" + mode + "\" is neither managed nor data");
        };
    }

    private static InstanceKey key(JsonNode k) {
        if (k == null || k.isNull()) return InstanceKey.NONE;
        if (k.isTextual()) return InstanceKey.of(k.textValue());
        if (k.isInt() && k.intValue() >= 0) return InstanceKey.of(k.intValue());
        throw new Damaged("index_key " + k + " is neither a string nor a count index");
    }

    /** {@code provider["berth.dev/builtin/ecs"]}, as Terraform writes a provider's address. */
    private static String provider(String address) {
        if (address.startsWith("provider[\"") && address.endsWith("\"]") && address.length() > 12) {
            return address.substring(10, address.length() - 2);
        }
        throw new Damaged("provider " + address + " is not a provider address");
    }

    static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) throw new Damaged("field \"" + field + "\" is missing or is not a string");
        return n.textValue();
    }

    static Iterable<JsonNode> array(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isArray()) throw new Damaged("field \"" + field + "\" is missing or is not a list");
        return n;
    }
}
