package dev.berth.cli.command;

import dev.berth.cli.view.PlanRenderer;
import dev.berth.cli.view.RenderOptions;
import dev.berth.cli.view.Terminal;
import dev.berth.cli.view.markdown.MarkdownPlanView;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.Writer;

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

    @Option(names = "-markdown", description = "Print the plan as Markdown for a pull-request comment (at most 60,000 characters).")
    boolean markdown;

    @Override
    int run(Workspace ws) {
        RunSession.Started started = RunSession.start(ws, opts, "plan");
        if (started.session() == null) return fail(started.diagnostics(), ws);
        printDiagnostics(started.diagnostics(), ws);
        try (RunSession s = started.session()) {
            Plan.Mode mode = destroy ? Plan.Mode.DESTROY : refreshOnly ? Plan.Mode.REFRESH_ONLY : Plan.Mode.NORMAL;
            // Progress lines would end up inside the Markdown document: keep them out of it.
            Terminal progress = markdown ? Terminal.of(new PrintWriter(Writer.nullWriter()), term.err(), true) : term;
            Planner.Result r = Plans.make(s, opts, mode, progress);
            if (r.hasErrors()) return fail(r.diagnostics(), ws);
            printDiagnostics(r.diagnostics(), ws);
            boolean changes = Plans.hasChanges(r.plan());
            if (markdown) {
                term.out().print(new MarkdownPlanView().render(r.plan(), RenderOptions.DEFAULT_TOOL));
                return detailedExitCode && changes ? 2 : 0;
            }
            RenderOptions ro = new RenderOptions(term.color(), RenderOptions.DEFAULT_TOOL);
            PlanRenderer renderer = new PlanRenderer();
            term.out().print(renderer.render(r.plan(), ro));
            if (changes) term.out().print(renderer.renderFooter(null, ro));
            return detailedExitCode && changes ? 2 : 0;
        }
    }
}
