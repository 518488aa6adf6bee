package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.graph.Dag;
import dev.berth.engine.graph.DagWalker;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.ConfigCheck;
import dev.berth.engine.run.ConfigGraph;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.value.ValuePaths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Carries out a plan. The state is saved after every resource, so a crash loses nothing already
 * done; a create that fails half-way is saved tainted and replaced by the next apply. A failure
 * stops only what depends on it; independent resources still complete.
 */
public final class Applier {
    private final Providers providers;
    private final FunctionRegistry functions;
    private final StateStore store;
    private final RunHooks hooks;

    public Applier(Providers providers, FunctionRegistry functions, StateStore store, RunHooks hooks) {
        this.providers = providers;
        this.functions = functions;
        this.store = store;
        this.hooks = hooks;
    }

    public record Summary(int added, int changed, int destroyed) {
    }

    public record Result(Summary summary, Map<String, OutputState> outputs, List<Diagnostic> diagnostics) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    public Result apply(Config config, Plan plan, int parallelism) {
        return apply(config, plan, parallelism, () -> false);
    }

    /**
     * Applies the plan until {@code stopRequested} answers true (the user pressed Ctrl-C): from
     * then on no change is started, those in flight finish and are saved, and the result carries
     * an error saying the apply was interrupted. Everything that completed is already in the state.
     */
    public Result apply(Config config, Plan plan, int parallelism, BooleanSupplier stopRequested) {
        Diagnostics diags = new Diagnostics();
        StateSnapshot current = store.read();
        StateSnapshot prior = plan.priorState();
        if (!current.lineage().equals(prior.lineage())) {
            diags.error("Saved plan does not match the given state: the plan was made for state lineage "
                    + prior.lineage() + ", but this state has lineage " + current.lineage() + ".", "", null);
            return new Result(new Summary(0, 0, 0), current.outputs(), diags.list());
        }
        if (current.serial() != prior.serial()) {
            diags.error("Saved plan is stale: the state changed since the plan was made (serial " + prior.serial()
                    + " then, " + current.serial() + " now).", "Make a new plan and apply that.", null);
            return new Result(new Summary(0, 0, 0), current.outputs(), diags.list());
        }
        commitRefresh(current, prior);
        if (plan.mode() == Plan.Mode.REFRESH_ONLY) {
            return new Result(new Summary(0, 0, 0), prior.outputs(), diags.list());
        }

        Function<ResourceAddr, Set<ResourceAddr>> dependencies = a -> Set.of();
        if (plan.mode() == Plan.Mode.NORMAL) {
            ConfigGraph graph = ConfigCheck.check(config, providers, diags);
            if (diags.hasErrors()) return new Result(new Summary(0, 0, 0), prior.outputs(), diags.list());
            dependencies = graph::resourceDependencies;
        }
        Dag<ApplyNode> dag = ApplyGraph.build(plan.resourceChanges(), prior, dependencies, providers);
        for (List<ApplyNode> cycle : dag.cycles()) {
            diags.error("Cycle in the apply graph: " + cycle.stream().map(ApplyNode::toString)
                    .collect(Collectors.joining(", ")) + ".", "", null);
        }
        if (diags.hasErrors()) return new Result(new Summary(0, 0, 0), prior.outputs(), diags.list());

        RunScope scope = new RunScope(config, new Evaluator(functions.atApply(), config.dir()), plan.variables());
        for (ResourceState rs : prior.resources().values()) {
            scope.putInstance(rs.addr().resource(), rs.addr().key(), rs.attributes());
        }
        Map<ResourceInstanceAddr, ResourceState> live = new ConcurrentHashMap<>(prior.resources());
        Map<ApplyNode, ResourceChange> changes = new HashMap<>();
        plan.resourceChanges().forEach(c -> {
            if (c.deposed() == null) changes.put(new ApplyNode(c.addr(), ApplyNode.Phase.APPLY), c);
            changes.put(ApplyGraph.destroyNode(c), c);
        });
        NodeApplier nodes = new NodeApplier(config, providers, store, hooks, scope, live, prior.deposed(), dependencies,
                diags);

        DagWalker.Result<ApplyNode> walked = DagWalker.walk(dag, parallelism, n -> nodes.visit(n, changes.get(n)),
                () -> stopRequested.getAsBoolean() || nodes.stateUnwritable());
        walked.errors().forEach((node, error) -> diags.add(Diagnostic.error("Internal error while applying " + node
                + ": " + error, "This is a bug in berth; please report it. The state holds everything applied so far.",
                null)));
        // The failed write said what is unsaved; the writes below would only fail the same way.
        if (nodes.stateUnwritable()) return new Result(nodes.summary(), prior.outputs(), diags.list());
        // With nothing applied, the refresh that opened this run already read every observed value.
        if (!dag.nodes().isEmpty()) ObservedAttributes.refresh(providers, store, live, scope);
        Map<String, OutputState> outputs = Outputs.commit(config, plan, scope, store, !walked.ok());
        if (stopRequested.getAsBoolean()) diags.add(interrupted(plan.mode(), walked.skipped().size()));
        return new Result(nodes.summary(), outputs, diags.list());
    }

    private static Diagnostic interrupted(Plan.Mode mode, int notStarted) {
        return Diagnostic.error((mode == Plan.Mode.DESTROY ? "Destroy" : "Apply")
                + " interrupted: berth stopped starting changes when asked to stop.",
                (notStarted == 0 ? "Every change had already started and has finished."
                        : notStarted + (notStarted == 1 ? " change was" : " changes were") + " not started.")
                        + " The state holds everything that completed; run the same command again to finish.", null);
    }

    /**
     * What the refresh found, and the renames of moved blocks, are written first, so the state
     * reflects the world before anything changes.
     */
    private void commitRefresh(StateSnapshot current, StateSnapshot refreshed) {
        List<StateChange> changes = new ArrayList<>();
        for (ResourceState rs : current.resources().values()) {
            ResourceState now = refreshed.resources().get(rs.addr());
            if (now == null) changes.add(new StateChange.RemoveResource(rs.addr()));
            else if (!ValuePaths.sameValue(now.attributes(), rs.attributes())) changes.add(new StateChange.PutResource(now));
        }
        for (ResourceState moved : refreshed.resources().values()) {
            if (!current.resources().containsKey(moved.addr())) changes.add(new StateChange.PutResource(moved));
        }
        if (!changes.isEmpty()) store.commit(changes, "refresh");
    }
}
