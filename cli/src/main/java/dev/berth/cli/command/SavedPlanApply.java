package dev.berth.cli.command;

import dev.berth.cli.view.ProgressView;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.apply.Applier;
import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.planfile.PlanFile;
import picocli.CommandLine;

import java.util.List;

/**
 * {@code apply FILE}: applies exactly a saved plan, without showing it again or asking, as
 * Terraform does (making the plan was the review). The configuration and variables are the
 * plan's own; the applier refuses the plan when the state moved on since it was made.
 */
final class SavedPlanApply {
    /** Options that would change what is planned, which a saved plan has already decided. */
    private static final List<String> PLANNING_OPTIONS = List.of("-var", "-destroy", "-refresh-only", "-refresh");

    private final WorkspaceCommand cmd;
    private final Workspace ws;
    private final RunOptions opts;
    private final String file;
    private final boolean json;

    SavedPlanApply(WorkspaceCommand cmd, Workspace ws, RunOptions opts, String file, boolean json) {
        this.cmd = cmd;
        this.ws = ws;
        this.opts = opts;
        this.file = file;
        this.json = json;
    }

    int run() {
        if (json) cmd.jsonUi = new JsonUi(cmd.term);
        CommandLine.ParseResult parsed = cmd.spec.commandLine().getParseResult();
        for (String option : PLANNING_OPTIONS) {
            if (parsed.hasMatchedOption(option)) {
                throw new Errors.UserError("The " + option + " option cannot be used with a saved plan file, because "
                        + "the plan already holds the variables and options it was made with; make a new plan with "
                        + "them instead.");
            }
        }
        PlanFile pf = SavedPlans.read(ws, file);
        Diagnostics diags = new Diagnostics();
        Config config = SavedPlans.config(ws, pf, diags);
        if (diags.hasErrors()) return cmd.fail(diags.list(), ws);
        String operation = pf.plan().mode() == dev.berth.engine.plan.Plan.Mode.DESTROY ? "destroy" : "apply";
        RunSession.Started started = RunSession.startWith(ws, opts, config, pf.plan().variables(), operation);
        if (started.session() == null) return cmd.fail(started.diagnostics(), ws);
        try (RunSession s = started.session(); GracefulStop stop = GracefulStop.install(cmd.term, cmd.jsonUi, s::releaseLock)) {
            if (json) cmd.jsonUi.declareOutputTypes(OutputCommand.declaredTypes(s.config, ws));
            Applier.Result a = new Applier(ws.providers(), ws.functions(), ws.store(), json ? cmd.jsonUi.hooks() : new ProgressView(cmd.term))
                    .apply(s.config, pf.plan(), Math.max(1, opts.parallelism), stop);
            if (a.hasErrors()) return cmd.fail(a.diagnostics(), ws);
            cmd.printDiagnostics(a.diagnostics(), ws);
            ApplyFlow.report(cmd, pf.plan().mode(), a);
            return 0;
        }
    }
}
