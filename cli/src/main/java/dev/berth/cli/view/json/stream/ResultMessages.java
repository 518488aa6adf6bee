package dev.berth.cli.view.json.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.view.CtyTypes;
import dev.berth.cli.view.ValidateJson;
import dev.berth.engine.apply.Applier;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.TypeConstraint;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.value.ValueJson;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How a run ends in Terraform's JSON UI: its diagnostics, then after an apply the summary and outputs. */
public final class ResultMessages {
    private final UiStream ui;

    public ResultMessages(UiStream ui) {
        this.ui = ui;
    }

    /** One {@code diagnostic} message each, the object being {@code validate -json}'s. */
    public void diagnostics(List<Diagnostic> diagnostics, SourceFiles files) {
        for (Diagnostic d : diagnostics) {
            ui.write(d.isError() ? "error" : "warn", (d.isError() ? "Error: " : "Warning: ") + d.summary(),
                    "diagnostic", "diagnostic", ValidateJson.diagnosticJson(d, files));
        }
    }

    /**
     * The closing {@code change_summary} and, unless destroying, the root outputs with their
     * types (as declared, where configuration declares one, else from the value) and values; a sensitive output has no value, as in Terraform, and neither has one
     * holding a sensitive value, which Terraform would print.
     */
    public void applied(Plan.Mode mode, Applier.Result a, Map<String, TypeConstraint> declared) {
        Applier.Summary s = a.summary();
        boolean destroy = mode == Plan.Mode.DESTROY;
        PlanMessages.summary(ui, s.added(), s.changed(), s.destroyed(), destroy ? "destroy" : "apply");
        if (destroy) return;
        ObjectNode outputs = UiStream.NODES.objectNode();
        for (OutputState o : new TreeMap<>(a.outputs()).values()) {
            ObjectNode n = outputs.putObject(o.name());
            n.put("sensitive", o.sensitive());
            n.set("type", CtyTypes.of(o.value().unmarked(), declared.get(o.name())));
            if (!o.sensitive() && !o.value().containsSensitive()) n.set("value", ValueJson.toJsonNode(o.value().unmarked()));
        }
        ui.write("info", "Outputs: " + outputs.size(), "outputs", "outputs", outputs);
    }

    /** Terraform's refusal of {@code apply -json} that would have to ask for approval. */
    public static Diagnostic approvalRequired(String tool) {
        return Diagnostic.error("Plan file or auto-approve required", tool + " cannot ask for interactive approval "
                + "when -json is set. You can either apply a saved plan file, or enable the -auto-approve option.", null);
    }

}
