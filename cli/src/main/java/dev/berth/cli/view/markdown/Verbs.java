package dev.berth.cli.view.markdown;

import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ResourceChange;

/** What happens to a resource, in the words of the human plan's comment lines. */
final class Verbs {
    private Verbs() {
    }

    /** " (deposed object KEY)" after the address of a deposed object's destroy, as the human plan says it. */
    static String deposed(ResourceChange c) {
        return c.deposed() == null ? "" : " (deposed object " + c.deposed() + ")";
    }

    static String of(ResourceChange c, boolean drift) {
        if (drift) return c.action() == Action.DELETE ? "has been deleted" : "has changed";
        return switch (c.action()) {
            case CREATE -> "will be created";
            case DELETE -> "will be destroyed";
            case UPDATE -> "will be updated in-place";
            case NO_OP -> c.moved() ? "has moved" : "has no changes";
            case READ -> "will be read during apply";
            default -> "must be replaced";
        };
    }
}
