package dev.berth.cli.command;

import dev.berth.cli.view.DotGraph;
import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.apply.ApplyGraphs;
import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.graph.Dag;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.run.ConfigCheck;
import dev.berth.engine.run.ConfigGraph;
import dev.berth.engine.run.RunHooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/**
 * The dependency graph in DOT. The plan graph comes from the configuration alone, so it needs
 * neither state nor a Docker engine; the apply graph is that of a fresh plan, which refreshes.
 */
@Command(name = "graph", description = "Print the dependency graph in DOT format.")
final class GraphCommand extends WorkspaceCommand {
    @Option(names = "-type", paramLabel = "TYPE", defaultValue = "plan",
            description = "The graph to print: plan (the configuration, the default) or apply (the current plan's steps).")
    String type;

    @Mixin
    RunOptions opts;

    @Override
    int run(Workspace ws) {
        return switch (type) {
            case "plan" -> planGraph(ws);
            case "apply" -> applyGraph(ws);
            default -> throw new Errors.UserError("Invalid -type \"" + type + "\": berth draws the plan and apply "
                    + "graphs, so use -type=plan or -type=apply.");
        };
    }

    private int planGraph(Workspace ws) {
        Diagnostics diags = new Diagnostics();
        Config config = ws.config(diags);
        if (diags.hasErrors()) return fail(diags.list(), ws);
        ConfigGraph graph = ConfigCheck.check(config, ws.providersWithoutState(), diags);
        if (diags.hasErrors()) return fail(diags.list(), ws);
        term.out().print(DotGraph.ofConfiguration(graph.dag(), ws.providersWithoutState()).render());
        return 0;
    }

    private int applyGraph(Workspace ws) {
        RunSession.Started started = RunSession.start(ws, opts, "graph");
        if (started.session() == null) return fail(started.diagnostics(), ws);
        try (RunSession s = started.session()) {
            // No progress hooks: standard output must hold the DOT document and nothing else.
            Planner.Result r = new Planner(ws.providers(), ws.functions(), RunHooks.NONE).plan(s.config,
                    ws.store().read(), s.variables, new Planner.Options(Plan.Mode.NORMAL, opts.refresh,
                            Math.max(1, opts.parallelism)));
            if (r.hasErrors()) return fail(r.diagnostics(), ws);
            Diagnostics diags = new Diagnostics();
            Dag<String> dag = ApplyGraphs.of(r.plan(), s.config, ws.providers(), diags);
            if (diags.hasErrors()) return fail(diags.list(), ws);
            DotGraph dot = new DotGraph();
            dag.nodes().forEach(n -> dot.node(n, DotGraph.Shape.BOX));
            for (String n : dag.nodes()) {
                ResourceInstanceAddr.parse(n.replace(" (destroy)", ""))
                        .ifPresent(a -> dot.provider(ws.providers(), a.resource(), n));
                dag.dependenciesOf(n).forEach(d -> dot.edge(n, d));
            }
            term.out().print(dot.render());
            return 0;
        }
    }
}
