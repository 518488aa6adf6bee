package dev.berth.cli.command;

import dev.berth.cli.view.CostView;
import dev.berth.cli.view.PlanRenderer;
import dev.berth.cli.view.ProgressView;
import dev.berth.cli.view.RenderOptions;
import dev.berth.cli.view.markdown.CostTable;
import dev.berth.cli.view.markdown.MarkdownPlanView;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.cost.CostEstimate;
import dev.berth.engine.cost.PlanCosts;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.run.RunHooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Plans and shows the plan; {@code -out} also saves it for {@code apply FILE}. With {@code -json}
 * the run is told as Terraform's streaming JSON messages, one per line; the plan document itself
 * is {@code show -json FILE}'s, as in Terraform.
 */
@Command(name = "plan", description = "Show changes required by the current configuration.")
final class PlanCommand extends WorkspaceCommand {
    @Mixin
    RunOptions opts;

    @Mixin
    ModeOptions modes;

    @Option(names = "-detailed-exitcode", description = "Exit 0 for no changes, 1 for errors, 2 when changes are present.")
    boolean detailedExitCode;

    @Option(names = "-out", paramLabel = "FILE", description = "Save the plan to FILE, to apply exactly it with \"berth apply FILE\".")
    String out;

    @Option(names = "-json", description = "Print Terraform's machine-readable UI: one JSON message per line.")
    boolean json;

    @Option(names = "-markdown", description = "Print the plan as Markdown for a pull-request comment (at most 60,000 characters).")
    boolean markdown;

    @Override
    int run(Workspace ws) {
        if (json) jsonUi = new JsonUi(term);
        RunSession.Started started = RunSession.start(ws, opts, "plan");
        if (started.session() == null) return fail(started.diagnostics(), ws);
        printDiagnostics(started.diagnostics(), ws);
        try (RunSession s = started.session(); GracefulStop stop = GracefulStop.install(term, jsonUi, s::releaseLock)) {
            Plan.Mode mode = modes.mode();
            // Progress lines would end up inside a Markdown document: keep them out of it.
            Planner.Result r = Plans.make(s, opts, mode, json ? jsonUi.hooks() : markdown ? RunHooks.NONE
                    : new ProgressView(term));
            dev.berth.engine.trace.Trace.mark("planned");
            if (stop.getAsBoolean()) return fail(GracefulStop.beforeAnyChange("Plan"), ws);
            if (r.hasErrors()) return fail(r.diagnostics(), ws);
            if (out != null) SavedPlans.save(s, r.plan(), out);
            boolean changes = Plans.hasChanges(r.plan());
            if (json) jsonUi.plan(r.plan());
            printDiagnostics(r.diagnostics(), ws);
            CostEstimate cost = PlanCosts.estimate(r.plan(), s.config, ws.providers());
            dev.berth.engine.trace.Trace.mark("costed");
            if (cost.hasErrors()) return fail(cost.diagnostics(), ws);
            printDiagnostics(cost.diagnostics(), ws);
            if (json) {
                jsonUi.cost(cost);
                return detailedExitCode && changes ? 2 : 0;
            }
            if (markdown) {
                term.out().print(new MarkdownPlanView().render(r.plan(), RenderOptions.DEFAULT_TOOL) + CostTable.render(cost));
                return detailedExitCode && changes ? 2 : 0;
            }
            RenderOptions ro = new RenderOptions(term.color(), RenderOptions.DEFAULT_TOOL);
            PlanRenderer renderer = new PlanRenderer();
            term.out().print(renderer.render(r.plan(), ro));
            term.out().print(CostView.render(cost, ro));
            // As Terraform: an empty plan is saved (-out) but needs no "how to apply it" footer.
            if (changes) term.out().print(renderer.renderFooter(out, ro));
            return detailedExitCode && changes ? 2 : 0;
        }
    }
}
