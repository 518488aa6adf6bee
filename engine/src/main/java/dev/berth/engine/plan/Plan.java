package dev.berth.engine.plan;

import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Value;

import java.util.List;
import java.util.Map;

/**
 * Everything a plan decided. {@code priorState} is the refreshed state the plan was made
 * against; its lineage and serial let a saved plan be refused when the state moved on.
 * {@code drift} lists changes made outside berth that the refresh found; {@code targets} are the
 * -target addresses that narrowed it, if any.
 */
public record Plan(Mode mode, StateSnapshot priorState, Map<String, Value> variables,
                   List<ResourceChange> resourceChanges, List<OutputChange> outputChanges,
                   List<ResourceChange> drift, List<String> targets) {

    public enum Mode { NORMAL, DESTROY, REFRESH_ONLY }

    public Plan {
        variables = Map.copyOf(variables);
        resourceChanges = List.copyOf(resourceChanges);
        outputChanges = List.copyOf(outputChanges);
        drift = List.copyOf(drift);
        targets = List.copyOf(targets);
    }

    /** An untargeted plan. */
    public Plan(Mode mode, StateSnapshot priorState, Map<String, Value> variables,
                List<ResourceChange> resourceChanges, List<OutputChange> outputChanges, List<ResourceChange> drift) {
        this(mode, priorState, variables, resourceChanges, outputChanges, drift, List.of());
    }

    /** Whether -target narrowed this plan, so outputs and untargeted resources were left alone. */
    public boolean isTargeted() {
        return !targets.isEmpty();
    }

    public boolean hasResourceChanges() {
        return resourceChanges.stream().anyMatch(c -> c.action() != Action.NO_OP || c.moved());
    }

    /**
     * Whether a refresh-only plan records drift beyond moves. Terraform neither asks before
     * applying one that only moves nor calls it applyable, yet its apply records the moves.
     */
    public boolean hasDriftToRecord() {
        return drift.stream().anyMatch(c -> c.action() != Action.NO_OP);
    }

    public long count(java.util.function.Predicate<Action> p) {
        return resourceChanges.stream().filter(c -> p.test(c.action())).count();
    }

    /** Terraform's summary counts: replacements count as one add and one destroy. */
    public Summary summary() {
        return new Summary((int) count(Action::creates), (int) count(a -> a == Action.UPDATE),
                (int) count(Action::deletes));
    }

    public record Summary(int add, int change, int destroy) {
    }
}
