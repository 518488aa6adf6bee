package dev.berth.cli.view.json.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.view.CostView;
import dev.berth.cli.view.json.CostJson;
import dev.berth.engine.cost.CostEstimate;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What Terraform's JSON UI says about a plan once it is made: {@code resource_drift} for what
 * changed outside, {@code planned_change} per changing instance, the {@code change_summary} and
 * the root {@code outputs} with their actions (never their values), in that order.
 */
public final class PlanMessages {
    private final UiStream ui;

    public PlanMessages(UiStream ui) {
        this.ui = ui;
    }

    public void write(Plan plan) {
        boolean refreshOnly = plan.mode() == Plan.Mode.REFRESH_ONLY;
        for (ResourceChange d : sorted(plan.drift())) {
            if (d.action() != Action.NO_OP || refreshOnly) drift(d);
        }
        // A refresh-only plan reports a move as drift: the state takes the new address, nothing else.
        if (refreshOnly) {
            for (ResourceChange c : sorted(plan.resourceChanges())) {
                if (c.moved() && plan.drift().stream().noneMatch(d -> d.addr().equals(c.addr()))) drift(c);
            }
        }
        int add = 0;
        int change = 0;
        int remove = 0;
        for (ResourceChange c : sorted(plan.resourceChanges())) {
            if (c.action() == Action.DELETE && c.addr().isData()) continue;
            if (c.action().creates()) add++;
            if (c.action() == Action.UPDATE) change++;
            if (c.action().deletes()) remove++;
            if (c.action() != Action.NO_OP || (c.moved() && !refreshOnly)) {
                ui.write("info", c.addr() + ": Plan to " + kind(c), "planned_change", "change", change(c));
            }
        }
        summary(ui, add, change, remove, "plan");
        List<OutputChange> changes = plan.outputChanges();
        // berth's refresh-only plan leaves outputs as they are: Terraform lists them, unchanged.
        if (refreshOnly && changes.isEmpty() && plan.priorState() != null) {
            changes = plan.priorState().outputs().values().stream()
                    .map(o -> new OutputChange(o.name(), Action.NO_OP, o.value(), o.value(), o.sensitive())).toList();
        }
        if (changes.isEmpty()) return;
        ObjectNode outputs = UiStream.NODES.objectNode();
        changes.stream().sorted(Comparator.comparing(OutputChange::name)).forEach(o -> outputs.putObject(o.name())
                .put("sensitive", o.sensitive()).put("action", ResourceJson.action(o.action())));
        ui.write("info", "Outputs: " + outputs.size(), "outputs", "outputs", outputs);
    }

    /**
     * berth's one message beyond Terraform's: the plan's monthly cost, after its change summary.
     * Readers of Terraform's stream skip types they do not know; a plan with nothing billed by the
     * hour (Terraform's own providers, say) has no such message, so the stream stays Terraform's.
     */
    public void cost(CostEstimate e) {
        if (e.lines().isEmpty()) return;
        ui.write("info", "Cost: " + CostView.total(e), "cost", "cost", CostJson.of(e));
    }

    private void drift(ResourceChange d) {
        ui.write("info", d.addr() + ": Drift detected (" + kind(d) + ")", "resource_drift", "change", change(d));
    }

    /** Terraform's {@code change_summary}; its text is the line the human view ends with. */
    static void summary(UiStream ui, int add, int change, int remove, String operation) {
        String text = switch (operation) {
            case "apply" -> "Apply complete! Resources: " + add + " added, " + change + " changed, " + remove + " destroyed.";
            case "destroy" -> "Destroy complete! Resources: " + remove + " destroyed.";
            default -> "Plan: " + add + " to add, " + change + " to change, " + remove + " to destroy.";
        };
        ObjectNode n = UiStream.NODES.objectNode().put("add", add).put("change", change).put("import", 0)
                .put("remove", remove).put("operation", operation);
        ui.write("info", text, "change_summary", "changes", n);
    }

    /** A change's action word, a move without other change being "move". */
    private static String kind(ResourceChange c) {
        return c.action() == Action.NO_OP && c.moved() ? "move" : ResourceJson.action(c.action());
    }

    private static ObjectNode change(ResourceChange c) {
        ObjectNode n = UiStream.NODES.objectNode();
        n.set("resource", ResourceJson.addr(c.addr()));
        if (c.moved()) n.set("previous_resource", ResourceJson.addr(c.previousAddr()));
        n.put("action", kind(c));
        String reason = reason(c.reason());
        if (reason != null) n.put("reason", reason);
        return n;
    }

    /** The streaming UI's reason names, shorter than the plan document's for replacements. */
    static String reason(ActionReason r) {
        return switch (r) {
            case NONE -> null;
            case REPLACE_BECAUSE_TAINTED -> "tainted";
            case REPLACE_BECAUSE_CANNOT_UPDATE -> "cannot_update";
            case REPLACE_BY_REQUEST -> "requested";
            default -> r.json();
        };
    }

    /** Address order, as the human plan shows them; Terraform's order follows its graph walk. */
    private static List<ResourceChange> sorted(List<ResourceChange> changes) {
        List<ResourceChange> out = new ArrayList<>(changes);
        out.sort(ResourceChange.ORDER);
        return out;
    }
}
