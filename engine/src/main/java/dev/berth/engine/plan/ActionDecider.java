package dev.berth.engine.plan;

import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.MarkedPaths;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValuePaths;

import java.util.List;

/**
 * Chooses the action for one resource instance from its prior state, the provider's planned
 * state and the paths whose change the provider says forces replacement. A pure function, as
 * Terraform's objchange is: the same inputs always give the same action.
 */
public final class ActionDecider {
    private ActionDecider() {
    }

    public record Decision(Action action, ActionReason reason, List<List<Object>> replacePaths) {
    }

    public record Inputs(MapValue prior, MapValue planned, List<List<Object>> requiresReplace, boolean tainted,
                         boolean replaceRequested, boolean createBeforeDestroy) {
    }

    public static Decision decide(Inputs in) {
        if (in.prior() == null && in.planned() == null) return new Decision(Action.NO_OP, ActionReason.NONE, List.of());
        if (in.prior() == null) return new Decision(Action.CREATE, ActionReason.NONE, List.of());
        if (in.planned() == null) return new Decision(Action.DELETE, ActionReason.NONE, List.of());
        Action replace = in.createBeforeDestroy() ? Action.CREATE_THEN_DELETE : Action.DELETE_THEN_CREATE;
        if (in.tainted()) return new Decision(replace, ActionReason.REPLACE_BECAUSE_TAINTED, List.of());
        if (in.replaceRequested()) return new Decision(replace, ActionReason.REPLACE_BY_REQUEST, List.of());
        if (ValuePaths.sameValue(in.prior(), in.planned()) && sameMarks(in.prior(), in.planned())) {
            return new Decision(Action.NO_OP, ActionReason.NONE, List.of());
        }
        List<List<Object>> changed = in.requiresReplace().stream()
                .filter(p -> !ValuePaths.sameValue(ValuePaths.get(in.prior(), p), ValuePaths.get(in.planned(), p)))
                .toList();
        if (!changed.isEmpty()) return new Decision(replace, ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE, changed);
        return new Decision(Action.UPDATE, ActionReason.NONE, List.of());
    }

    /**
     * A value that became (or stopped being) sensitive is a change worth an update, as in Terraform.
     * Marks are compared by path, so sensitivity moving from one attribute to another counts too.
     */
    private static boolean sameMarks(Value a, Value b) {
        return a.equals(b) || MarkedPaths.of(a).equals(MarkedPaths.of(b));
    }
}
