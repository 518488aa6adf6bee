package dev.berth.cli.command;

import dev.berth.cli.view.CostView;
import dev.berth.cli.view.PlanRenderer;
import dev.berth.cli.view.RenderOptions;
import dev.berth.cli.view.markdown.CostTable;
import dev.berth.cli.view.markdown.MarkdownPlanView;
import dev.berth.cli.view.StateView;
import dev.berth.cli.view.json.CostJson;
import dev.berth.cli.view.json.JsonDocs;
import dev.berth.cli.view.json.PlanJson;
import dev.berth.cli.view.json.StateJson;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.config.Config;
import dev.berth.engine.cost.CostEstimate;
import dev.berth.engine.cost.PlanCosts;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.planfile.PlanFile;
import dev.berth.engine.state.StateSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;

/** The state, or a saved plan; as text or as Terraform's JSON representations. */
@Command(name = "show", description = "Show the current state or a saved plan.")
final class ShowCommand extends WorkspaceCommand {
    @Option(names = "-json", description = "Print Terraform's JSON state or plan representation.")
    boolean json;

    @Option(names = "-markdown", description = "Print a saved plan as Markdown for a pull-request comment.")
    boolean markdown;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A plan saved with \"berth plan -out=FILE\".")
    String planFile;

    @Override
    int run(Workspace ws) {
        if (planFile != null) return showPlan(ws);
        if (markdown) throw new Errors.UserError("-markdown needs a saved plan: berth show -markdown FILE.");
        boolean exists = ws.stateExists();
        if (json) {
            term.out().print(JsonDocs.print(new StateJson(BerthCommand.VERSION).document(exists ? ws.store().read() : null)));
            return 0;
        }
        if (!exists) {
            term.out().println("No state.");
            return 0;
        }
        StateSnapshot s = ws.store().read();
        term.out().print(s.isEmpty() ? "The state file is empty. No resources are represented.\n"
                : new StateView(term.color()).render(s));
        return 0;
    }

    private int showPlan(Workspace ws) {
        PlanFile pf = SavedPlans.read(ws, planFile);
        Diagnostics diags = new Diagnostics();
        Config config = SavedPlans.config(ws, pf, diags);
        if (diags.hasErrors()) return fail(diags.list(), ws);
        // Priced from what the plan holds, as plan priced it; show does not open the control plane.
        CostEstimate cost = PlanCosts.estimate(pf.plan(), config, ws.providersWithoutState());
        if (cost.hasErrors()) return fail(cost.diagnostics(), ws);
        if (markdown) {
            term.out().print(new MarkdownPlanView().render(pf.plan(), RenderOptions.DEFAULT_TOOL) + CostTable.render(cost));
            return 0;
        }
        if (!json) {
            RenderOptions ro = new RenderOptions(term.color(), RenderOptions.DEFAULT_TOOL);
            term.out().print(new PlanRenderer().render(pf.plan(), ro) + CostView.render(cost, ro));
            return 0;
        }
        term.out().print(JsonDocs.print(CostJson.attach(new PlanJson(BerthCommand.VERSION, ws.providersWithoutState(),
                ws.evaluator()).document(pf.plan(), config, pf.created()), cost)));
        return 0;
    }
}
