package dev.berth.cli.view.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceInstanceAddr;

/** What the JSON documents share: the node factory, compact printing, the address fields. */
public final class JsonDocs {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final JsonMapper JSON = JsonMapper.builder().nodeFactory(NODES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonDocs() {
    }

    /** One line, as Terraform prints its JSON documents; pipe it to jq to read it. */
    public static String print(JsonNode doc) {
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    /** address, mode, type, name and (for count and for_each instances) index, in Terraform's order. */
    static ObjectNode instance(ResourceInstanceAddr addr) {
        ObjectNode n = NODES.objectNode().put("address", addr.toString()).put("mode", addr.resource().mode().json())
                .put("type", addr.type()).put("name", addr.name());
        if (addr.key() instanceof InstanceKey.Index i) n.put("index", i.value());
        else if (addr.key() instanceof InstanceKey.Key k) n.put("index", k.value());
        return n;
    }
}
