package dev.berth.cli.command;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.apply.CreateIntents;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.run.RunHooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Making a plan the same way for plan, apply and destroy. */
final class Plans {
    private Plans() {
    }

    /** With the given progress hooks: the human lines, the JSON messages, or none (Markdown). */
    static Planner.Result make(RunSession s, RunOptions opts, Plan.Mode mode, RunHooks hooks) {
        List<Diagnostic> recovered = opts.refresh && s.locked() ? settleInterrupted(s) : List.of();
        Planner planner = new Planner(s.ws.providers(), s.ws.functions(), hooks);
        StateSnapshot prior = s.ws.store().read();
        s.ws.learn(StateSecrets.of(prior));
        Planner.Result r = planner.plan(s.config, prior, s.variables,
                new Planner.Options(mode, opts.refresh, Math.max(1, opts.parallelism), addresses(opts.targets, "-target"),
                        Set.copyOf(addresses(opts.replace, "-replace"))));
        if (recovered.isEmpty()) return r;
        List<Diagnostic> all = new ArrayList<>(recovered);
        all.addAll(r.diagnostics());
        return new Planner.Result(r.plan(), all);
    }

    /**
     * Adopts what a killed run created but never saved, before the plan reads the state; only
     * under the lock, since it writes the state, and only with refresh, since it asks the world.
     */
    private static List<Diagnostic> settleInterrupted(RunSession s) {
        CreateIntents.Result settled = CreateIntents.settle(s.ws.store(), s.ws.providers());
        for (CreateIntents.Adopted a : settled.adopted()) {
            s.ws.notice("Adopted " + a.addr() + (a.id().isEmpty() ? "" : " (" + a.id() + ")")
                    + ", which an interrupted run created but never saved.");
        }
        return settled.diagnostics();
    }

    private static List<ResourceInstanceAddr> addresses(List<String> given, String option) {
        return given.stream().map(a -> ResourceInstanceAddr.parse(a).orElseThrow(() -> new Errors.UserError(
                "Invalid " + option + " address \"" + a + "\": expected a resource address such as ecs_service.web "
                        + "or ecs_service.web[0]."))).toList();
    }

    /** Whether applying the plan would change anything: resources, outputs, or (refresh-only) recorded drift. */
    static boolean hasChanges(Plan plan) {
        if (plan.mode() == Plan.Mode.REFRESH_ONLY) return plan.hasDriftToRecord();
        return plan.hasResourceChanges()
                || plan.outputChanges().stream().map(OutputChange::action).anyMatch(a -> a != Action.NO_OP);
    }
}
