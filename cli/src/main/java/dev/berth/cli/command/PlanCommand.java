package dev.berth.cli.command;

import dev.berth.cli.view.PlanRenderer;
import dev.berth.cli.view.RenderOptions;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", description = "Show changes required by the current configuration.")
final class PlanCommand extends WorkspaceCommand {
    @Mixin
    RunOptions opts;

    @Option(names = "-destroy", description = "Plan to destroy every object in the state.")
    boolean destroy;

    @Option(names = "-refresh-only", description = "Only record changes made outside berth; propose no actions.")
    boolean refreshOnly;

    @Option(names = "-detailed-exitcode", description = "Exit 0 for no changes, 1 for errors, 2 when changes are present.")
    boolean detailedExitCode;

    @Override
    int run(Workspace ws) {
        RunSession.Started started = RunSession.start(ws, opts, "plan");
        if (started.session() == null) return fail(started.diagnostics(), ws);
        printDiagnostics(started.diagnostics(), ws);
        try (RunSession s = started.session()) {
            Plan.Mode mode = destroy ? Plan.Mode.DESTROY : refreshOnly ? Plan.Mode.REFRESH_ONLY : Plan.Mode.NORMAL;
            Planner.Result r = Plans.make(s, opts, mode, term);
            if (r.hasErrors()) return fail(r.diagnostics(), ws);
            printDiagnostics(r.diagnostics(), ws);
            RenderOptions ro = new RenderOptions(term.color(), RenderOptions.DEFAULT_TOOL);
            PlanRenderer renderer = new PlanRenderer();
            term.out().print(renderer.render(r.plan(), ro));
            boolean changes = Plans.hasChanges(r.plan());
            if (changes) term.out().print(renderer.renderFooter(null, ro));
            return detailedExitCode && changes ? 2 : 0;
        }
    }
}
