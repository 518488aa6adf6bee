package dev.berth.cli.command;

import dev.berth.cli.view.StillRunning;
import dev.berth.cli.view.Terminal;
import dev.berth.cli.view.json.stream.HookMessages;
import dev.berth.cli.view.json.stream.PlanMessages;
import dev.berth.cli.view.json.stream.ResultMessages;
import dev.berth.cli.view.json.stream.UiStream;
import dev.berth.engine.apply.Applier;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.TypeConstraint;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.run.RunHooks;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A run under {@code -json}: Terraform's streaming messages on standard output instead of text,
 * opened by the version message. One per command run; its hooks serve both plan and apply.
 */
final class JsonUi {
    private final UiStream ui;
    private final HookMessages hooks;
    private Map<String, TypeConstraint> declaredOutputTypes = Map.of();

    JsonUi(Terminal term) {
        this.ui = new UiStream(term.out(), Clock.systemDefaultZone());
        this.hooks = new HookMessages(ui, StillRunning.Timing.STANDARD);
        ui.version("berth", BerthCommand.VERSION);
    }

    RunHooks hooks() {
        return hooks;
    }

    void diagnostics(List<Diagnostic> diagnostics, SourceFiles files) {
        new ResultMessages(ui).diagnostics(diagnostics, files);
    }

    void plan(Plan plan) {
        new PlanMessages(ui).write(plan);
    }

    void cost(dev.berth.engine.cost.CostEstimate cost) {
        new PlanMessages(ui).cost(cost);
    }

    /** A note for people, e.g. that an interrupt was received: Terraform's {@code log} message. */
    void log(String text) {
        ui.log(text);
    }

    /** The output types the configuration declares, for the outputs message after apply. */
    void declareOutputTypes(Map<String, TypeConstraint> types) {
        declaredOutputTypes = Map.copyOf(types);
    }

    void applied(Plan.Mode mode, Applier.Result result) {
        new ResultMessages(ui).applied(mode, result, declaredOutputTypes);
    }
}
