package dev.berth.cli.view.json.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;

/** The pieces every resource message shares: its address object and its action's name. */
final class ResourceJson {
    private ResourceJson() {
    }

    /** Terraform's {@code ResourceAddr}: the address, split into its parts (berth has no modules). */
    static ObjectNode addr(ResourceInstanceAddr a) {
        ObjectNode n = UiStream.NODES.objectNode();
        n.put("addr", a.toString());
        n.put("module", "");
        n.put("resource", a.toString());
        int underscore = a.type().indexOf('_');
        n.put("implied_provider", underscore < 0 ? a.type() : a.type().substring(0, underscore));
        n.put("resource_type", a.type());
        n.put("resource_name", a.name());
        if (a.key() instanceof InstanceKey.Index i) n.put("resource_key", i.value());
        else if (a.key() instanceof InstanceKey.Key k) n.put("resource_key", k.value());
        else n.putNull("resource_key");
        return n;
    }

    /** Terraform's {@code ChangeAction}: one word, a replacement being "replace". */
    static String action(Action a) {
        return switch (a) {
            case NO_OP -> "noop";
            case CREATE -> "create";
            case READ -> "read";
            case UPDATE -> "update";
            case DELETE_THEN_CREATE, CREATE_THEN_DELETE -> "replace";
            case DELETE -> "delete";
        };
    }
}
