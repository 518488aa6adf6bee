package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.OutputConfig;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.graph.DagWalker;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.ConfigCheck;
import dev.berth.engine.run.ConfigGraph;
import dev.berth.engine.run.GraphNode;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValuePaths;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a plan: refresh what the state holds, walk the configuration graph in dependency order
 * (independent resources in parallel), let each resource's provider propose its new state, and
 * decide every action. Nothing here changes the world; the only side effect is the provider's
 * read during refresh.
 */
public final class Planner {
    private final Providers providers;
    private final FunctionRegistry functions;
    private final RunHooks hooks;

    public Planner(Providers providers, FunctionRegistry functions, RunHooks hooks) {
        this.providers = providers;
        this.functions = functions;
        this.hooks = hooks;
    }

    /** How to plan; targets (-target) narrow the plan, replace (-replace) forces replacements. */
    public record Options(Plan.Mode mode, boolean refresh, int parallelism, List<ResourceInstanceAddr> targets,
                          Set<ResourceInstanceAddr> replace) {
        public Options {
            targets = List.copyOf(targets);
            replace = Set.copyOf(replace);
        }

        public Options(Plan.Mode mode, boolean refresh, int parallelism) {
            this(mode, refresh, parallelism, List.of(), Set.of());
        }

        public static Options normal(int parallelism) {
            return new Options(Plan.Mode.NORMAL, true, parallelism);
        }
    }

    public record Result(Plan plan, List<Diagnostic> diagnostics) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** Checks the configuration as `validate` does: every value unknown, no state, no provider plan. */
    public List<Diagnostic> validate(Config config) {
        Diagnostics diags = new Diagnostics();
        ConfigGraph graph = ConfigCheck.check(config, providers, diags);
        Map<String, Value> unknownVars = new java.util.HashMap<>();
        config.variables().keySet().forEach(n -> unknownVars.put(n, Value.unknown()));
        validateWalk(config, graph, unknownVars, diags);
        return diags.list();
    }

    /**
     * Checks every resource with its provider, values unknown where they are not yet known.
     * Runs even after other errors so that one run reports all it can; never on a cyclic graph.
     */
    private void validateWalk(Config config, ConfigGraph graph, Map<String, Value> variables, Diagnostics diags) {
        if (!graph.acyclic()) return;
        RunScope scope = new RunScope(config, new Evaluator(functions, config.dir()), variables);
        Set<ResourceAddr> pending = ConcurrentHashMap.newKeySet();
        ResourcePlanner rp = new ResourcePlanner(config, providers, scope, StateSnapshot.empty(""), true,
                Targeting.everything(), Set.of(), Map.of(), pending);
        DataPlanner dp = new DataPlanner(providers, scope, graph, hooks, true, Targeting.everything(), pending);
        walk(graph, config, scope, rp, dp, 10, diags, null, null);
    }

    public Result plan(Config config, StateSnapshot stored, Map<String, Value> variables, Options opts) {
        Diagnostics diags = new Diagnostics();
        ConfigGraph graph = opts.mode() == Plan.Mode.DESTROY ? null : ConfigCheck.check(config, providers, diags);
        dev.berth.engine.trace.Trace.mark("configuration checked");
        if (diags.hasErrors()) {
            validateWalk(config, graph, variables, diags);
            return new Result(null, diags.list());
        }

        // Refresh-only and destroy plans move too, as Terraform's do: the state takes the new
        // addresses, and a destroy plan names each object by its new one.
        Moves.Result moves = Moves.apply(stored, config.moved(), diags);
        if (diags.hasErrors()) return new Result(null, diags.list());
        StateSnapshot prior = moves.state();
        Targeting targeting = opts.mode() == Plan.Mode.DESTROY
                ? Targeting.forDestroy(opts.targets(), prior, opts.targets().isEmpty() ? null : dependencyGraph(config))
                : Targeting.of(opts.targets(), graph);
        if (!targeting.isEverything()) diags.add(TARGETING_WARNING);
        List<String> targets = opts.targets().stream().map(Object::toString).toList();
        List<ResourceChange> drift = List.of();
        if (opts.refresh() && !prior.resources().isEmpty()) {
            Refresher.Result r = Refresher.refresh(prior, providers, opts.parallelism(), hooks, targeting);
            diags.addAll(r.diagnostics());
            if (diags.hasErrors()) return new Result(null, diags.list());
            prior = r.refreshed();
            drift = r.drift();
            dev.berth.engine.trace.Trace.mark("refreshed");
        }
        if (opts.mode() == Plan.Mode.REFRESH_ONLY) {
            prior = refreshData(config, graph, prior, variables, targeting, opts.parallelism(), diags);
            if (diags.hasErrors()) return new Result(null, diags.list());
            return new Result(new Plan(opts.mode(), prior, variables, List.of(), List.of(),
                    Moves.asDrift(drift, moves.previous(), prior)), diags.list());
        }
        if (opts.mode() == Plan.Mode.DESTROY) {
            preventedDestroys(config, prior, targeting, diags);
            if (diags.hasErrors()) return new Result(null, diags.list());
            return new Result(destroyPlan(DataState.dropped(prior, targeting), variables, drift, targeting, targets,
                    providers),
                    diags.list());
        }

        RunScope scope = new RunScope(config, new Evaluator(functions, config.dir()), variables);
        Set<ResourceAddr> pending = ConcurrentHashMap.newKeySet();
        ResourcePlanner rp = new ResourcePlanner(config, providers, scope, prior, false, targeting, opts.replace(),
                moves.previous(), pending);
        DataPlanner dp = new DataPlanner(providers, scope, graph, hooks, false, targeting, pending);
        List<OutputChange> outputs = Collections.synchronizedList(new ArrayList<>());
        walk(graph, config, scope, rp, dp, opts.parallelism(), diags, prior,
                targeting.isEverything() ? outputs : null);
        rp.finish();
        dev.berth.engine.trace.Trace.mark("walked");
        if (diags.hasErrors()) return new Result(null, diags.list());
        prior = DataState.replaced(prior, dp.reads(), targeting);

        List<ResourceChange> changes = new ArrayList<>(rp.changes());
        changes.addAll(dp.changes());
        changes.addAll(rp.orphans(config, diags));
        rp.deposed().forEach(c -> changes.add(c.withFold(Folds.of(providers.schema(c.addr().type()).orElse(null), null))));
        if (diags.hasErrors()) return new Result(null, diags.list());
        changes.sort(ResourceChange.ORDER);
        for (OutputState gone : prior.outputs().values()) {
            if (targeting.isEverything() && !config.outputs().containsKey(gone.name())) {
                outputs.add(new OutputChange(gone.name(), Action.DELETE, gone.value(), null, gone.sensitive()));
            }
        }
        outputs.sort(Comparator.comparing(OutputChange::name));
        return new Result(new Plan(opts.mode(), prior, variables, changes, outputs, drift, targets), diags.list());
    }

    static final Diagnostic TARGETING_WARNING = Diagnostic.warning("Resource targeting is in effect",
            "You are creating a plan with the -target option, which means that the result of this plan may not "
                    + "represent all of the changes requested by the current configuration.\n\nThe -target option is "
                    + "not for routine use, and is provided only for exceptional situations such as recovering from "
                    + "errors or mistakes, or when berth specifically suggests to use it as part of an error message.",
            null);

    private void walk(ConfigGraph graph, Config config, RunScope scope, ResourcePlanner rp, DataPlanner dp,
                      int parallelism, Diagnostics diags, StateSnapshot prior, List<OutputChange> outputs) {
        DagWalker.Result<GraphNode> result = DagWalker.walk(graph.dag(), parallelism, node -> {
            if (node instanceof GraphNode.Resource r) {
                return r.addr().isData() ? dp.plan(config.resources().get(r.addr()), diags)
                        : rp.plan(config.resources().get(r.addr()), diags);
            }
            Diagnostics local = new Diagnostics();
            if (node instanceof GraphNode.Local l) {
                scope.evaluator().evaluate(config.locals().get(l.name()).expr(), scope, local);
            } else if (node instanceof GraphNode.Output o) {
                OutputChange change = planOutput(config.outputs().get(o.name()), scope, prior, local);
                if (change != null && outputs != null) outputs.add(change);
            }
            diags.addAll(local);
            return !local.hasErrors();
        });
        result.errors().forEach((node, error) -> diags.add(Diagnostic.error("Internal error while planning " + node
                + ": " + error, "This is a bug in berth; please report it with the configuration that caused it.",
                null)));
    }

    private static OutputChange planOutput(OutputConfig oc, RunScope scope, StateSnapshot prior, Diagnostics diags) {
        Value v = scope.evaluator().evaluate(oc.value(), scope, diags);
        if (diags.hasErrors()) return null;
        if (v.containsSensitive() && !oc.sensitive()) {
            diags.error("Output refers to sensitive values: output \"" + oc.name() + "\" would reveal a sensitive value.",
                    "Mark the output with sensitive = true to show that you intend to expose it to other configurations "
                            + "while keeping it out of the CLI output.", oc.value().range());
            return null;
        }
        Value after = oc.sensitive() ? Value.sensitive(v) : v;
        OutputState before = prior == null ? null : prior.outputs().get(oc.name());
        Action action = before == null ? Action.CREATE
                : ValuePaths.sameValue(before.value(), after) && before.sensitive() == oc.sensitive() ? Action.NO_OP
                : Action.UPDATE;
        return new OutputChange(oc.name(), action, before == null ? null : before.value(), after, oc.sensitive());
    }

    /**
     * A refresh-only plan reads data sources again, as Terraform's does: resources are taken as
     * the refresh found them (nothing is planned for them), so a data source whose configuration
     * is known from them is read; one that is not is left out of the state until a plan can read it.
     */
    private StateSnapshot refreshData(Config config, ConfigGraph graph, StateSnapshot prior,
                                      Map<String, Value> variables, Targeting targeting, int parallelism,
                                      Diagnostics diags) {
        RunScope scope = new RunScope(config, new Evaluator(functions, config.dir()), variables);
        prior.resources().values().forEach(rs -> scope.putInstance(rs.addr().resource(), rs.addr().key(),
                rs.attributes()));
        DataPlanner dp = new DataPlanner(providers, scope, graph, hooks, false, targeting,
                ConcurrentHashMap.newKeySet());
        DagWalker.Result<GraphNode> result = DagWalker.walk(graph.dag(), parallelism, node ->
                !(node instanceof GraphNode.Resource r && r.addr().isData())
                        || dp.plan(config.resources().get(r.addr()), diags));
        result.errors().forEach((node, error) -> diags.add(Diagnostic.error("Internal error while reading " + node
                + ": " + error, "This is a bug in berth; please report it.", null)));
        return DataState.replaced(prior, dp.reads(), targeting);
    }

    /**
     * What depends on what in the configuration, for a targeted destroy. A destroy must work even
     * when the configuration no longer checks, so problems here are not errors: the dependencies
     * recorded in the state still apply.
     */
    private static ConfigGraph dependencyGraph(Config config) {
        ConfigGraph graph = ConfigGraph.build(config, new Diagnostics());
        return graph.acyclic() ? graph : null;
    }

    /** A destroy run stops before it starts when configuration protects something it would destroy. */
    private static void preventedDestroys(Config config, StateSnapshot prior, Targeting targeting, Diagnostics diags) {
        for (ResourceState rs : prior.resources().values()) {
            if (!targeting.includes(rs.addr())) continue;
            var rc = config.resources().get(rs.addr().resource());
            if (rc != null && rc.lifecycle().preventDestroy()) {
                diags.error(ResourcePlanner.PREVENT_DESTROY + rs.addr() + " has lifecycle.prevent_destroy set, but "
                        + "the plan calls for it to be destroyed.", "Remove prevent_destroy to allow it.",
                        rc.block().typeRange());
            }
        }
    }

    /** Under -target only the selected instances go, and outputs are left as they are, as in Terraform. */
    private static Plan destroyPlan(StateSnapshot prior, Map<String, Value> variables, List<ResourceChange> drift,
                                    Targeting targeting, List<String> targets, Providers providers) {
        List<ResourceChange> changes = new ArrayList<>();
        for (ResourceState rs : prior.resources().values()) {
            if (!targeting.includes(rs.addr())) continue;
            changes.add(new ResourceChange(rs.addr(), rs.provider(), Action.DELETE, rs.attributes(), null, List.of(),
                    ActionReason.NONE).withFold(Folds.of(providers.schema(rs.addr().type()).orElse(null), null)));
        }
        prior.deposed().stream().filter(d -> targeting.includes(d.addr())).forEach(d -> changes.add(
                ResourceChange.destroyDeposed(d).withFold(Folds.of(providers.schema(d.addr().type()).orElse(null), null))));
        changes.sort(ResourceChange.ORDER);
        List<OutputChange> outputs = new ArrayList<>();
        for (OutputState o : targeting.isEverything() ? prior.outputs().values() : List.<OutputState>of()) {
            outputs.add(new OutputChange(o.name(), Action.DELETE, o.value(), null, o.sensitive()));
        }
        return new Plan(Plan.Mode.DESTROY, prior, variables, changes, outputs, drift, targets);
    }

}
