package dev.berth.cli.command;

import dev.berth.cli.view.CostView;
import dev.berth.cli.view.PlanRenderer;
import dev.berth.cli.view.RenderOptions;
import dev.berth.cli.view.Terminal;
import dev.berth.cli.view.ProgressView;
import dev.berth.cli.view.ValueFormatter;
import dev.berth.cli.view.json.stream.ResultMessages;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.apply.Applier;
import dev.berth.engine.cost.CostEstimate;
import dev.berth.engine.cost.PlanCosts;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.value.Value;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** apply and destroy: plan, show it, ask, apply, report, as Terraform's apply does. */
final class ApplyFlow {
    private final WorkspaceCommand cmd;
    private final Workspace ws;
    private final RunOptions opts;
    private final Plan.Mode mode;
    private final boolean autoApprove;
    private final Terminal term;
    private final boolean json;

    ApplyFlow(WorkspaceCommand cmd, Workspace ws, RunOptions opts, Plan.Mode mode, boolean autoApprove, boolean json) {
        this.cmd = cmd;
        this.ws = ws;
        this.opts = opts;
        this.mode = mode;
        this.autoApprove = autoApprove;
        this.term = cmd.term;
        this.json = json;
    }

    int run() {
        if (json) {
            cmd.jsonUi = new JsonUi(term);
            // Terraform's rule: nobody can answer a prompt inside a stream of JSON.
            if (!autoApprove) return cmd.fail(List.of(ResultMessages.approvalRequired("berth")), ws);
        }
        ws.warmLocalEngine();
        dev.berth.engine.trace.Trace.mark("session start");
        RunSession.Started started = RunSession.start(ws, opts, mode == Plan.Mode.DESTROY ? "destroy" : "apply");
        if (started.session() == null) return cmd.fail(started.diagnostics(), ws);
        cmd.printDiagnostics(started.diagnostics(), ws);
        try (RunSession s = started.session(); GracefulStop stop = GracefulStop.install(term, cmd.jsonUi, s::releaseLock)) {
            RunHooks hooks = json ? cmd.jsonUi.hooks() : new ProgressView(term);
            if (json) cmd.jsonUi.declareOutputTypes(OutputCommand.declaredTypes(s.config, ws));
            dev.berth.engine.trace.Trace.mark("plan start");
            Planner.Result r = Plans.make(s, opts, mode, hooks);
            dev.berth.engine.trace.Trace.mark("plan done");
            if (stop.getAsBoolean()) return cmd.fail(GracefulStop.beforeAnyChange(mode == Plan.Mode.DESTROY ? "Destroy"
                    : "Apply"), ws);
            if (r.hasErrors()) return cmd.fail(r.diagnostics(), ws);
            if (json) cmd.jsonUi.plan(r.plan());
            cmd.printDiagnostics(r.diagnostics(), ws);
            if (!json) {
                CostEstimate cost = PlanCosts.estimate(r.plan(), s.config, ws.providers());
                if (cost.hasErrors()) return cmd.fail(cost.diagnostics(), ws);
                cmd.printDiagnostics(cost.diagnostics(), ws);
                RenderOptions ro = new RenderOptions(term.color(), RenderOptions.DEFAULT_TOOL);
                term.out().print(new PlanRenderer().render(r.plan(), ro) + CostView.render(cost, ro));
                term.out().flush();
            }
            if (Plans.hasChanges(r.plan()) && !autoApprove) {
                Confirmation.Answer answer = confirmation(r.plan().isTargeted(), stop);
                if (answer == Confirmation.Answer.INTERRUPTED) {
                    // Terraform's words and streams: the note's blank line, then the error.
                    term.out().println();
                    return cmd.fail(List.of(Diagnostic.error("error asking for approval: interrupted")), ws);
                }
                if (answer == Confirmation.Answer.NO) {
                    // Terraform 1.11 says so on standard output, not as an error (its exit status is still 1).
                    term.out().println((mode == Plan.Mode.DESTROY ? "Destroy" : "Apply") + " cancelled.");
                    return 1;
                }
            }
            dev.berth.engine.trace.Trace.mark("apply start");
            Applier.Result a = new Applier(ws.providers(), ws.functions(), ws.store(), hooks)
                    .apply(s.config, r.plan(), Math.max(1, opts.parallelism), stop);
            dev.berth.engine.trace.Trace.mark("apply done");
            if (a.hasErrors()) return cmd.fail(a.diagnostics(), ws);
            cmd.printDiagnostics(a.diagnostics(), ws);
            report(cmd, mode, a);
            return 0;
        }
    }

    /** The closing summary and outputs, the same whether the plan was just made or saved. */
    static void report(WorkspaceCommand cmd, Plan.Mode mode, Applier.Result a) {
        if (cmd.jsonUi != null) {
            cmd.jsonUi.applied(mode, a);
            return;
        }
        Terminal term = cmd.term;
        Applier.Summary s = a.summary();
        term.out().println();
        if (mode == Plan.Mode.DESTROY) {
            term.out().println(term.boldGreen("Destroy complete! Resources: " + s.destroyed() + " destroyed."));
            return;
        }
        term.out().println(term.boldGreen("Apply complete! Resources: " + s.added() + " added, " + s.changed()
                + " changed, " + s.destroyed() + " destroyed."));
        if (a.outputs().isEmpty()) return;
        Map<String, Value> values = new TreeMap<>();
        Map<String, Boolean> sensitive = new TreeMap<>();
        for (OutputState o : a.outputs().values()) {
            values.put(o.name(), o.value());
            sensitive.put(o.name(), o.sensitive());
        }
        term.out().print(new ValueFormatter().formatOutputs(values, sensitive, term.color()));
    }

    private Confirmation.Answer confirmation(boolean targeted, GracefulStop stop) {
        term.out().println();
        if (mode == Plan.Mode.DESTROY && targeted) {
            return Confirmation.ask(term, stop, "Do you really want to destroy the targeted resources?",
                    "berth will destroy the resources shown above, and nothing else.",
                    "There is no undo. Only 'yes' will be accepted to confirm.");
        }
        if (mode == Plan.Mode.DESTROY) {
            return Confirmation.ask(term, stop, "Do you really want to destroy all resources?",
                    "berth will destroy all your managed infrastructure, as shown above.",
                    "There is no undo. Only 'yes' will be accepted to confirm.");
        }
        return Confirmation.ask(term, stop, "Do you want to perform these actions?",
                "berth will perform the actions described above.", "Only 'yes' will be accepted to approve.");
    }
}
