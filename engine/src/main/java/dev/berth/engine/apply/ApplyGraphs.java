package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.graph.Dag;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.ConfigCheck;
import dev.berth.engine.run.ConfigGraph;

import java.util.Set;
import java.util.function.Function;

/**
 * The apply graph of a plan for showing it ({@code graph -type=apply}), built exactly as
 * {@link Applier} builds it. Nodes are named as Terraform names them: the instance address,
 * with " (destroy)" for the step that destroys the current object.
 */
public final class ApplyGraphs {
    private ApplyGraphs() {
    }

    public static Dag<String> of(Plan plan, Config config, Providers providers, Diagnostics diags) {
        Function<ResourceAddr, Set<ResourceAddr>> dependencies = a -> Set.of();
        if (plan.mode() == Plan.Mode.NORMAL) {
            ConfigGraph graph = ConfigCheck.check(config, providers, diags);
            if (diags.hasErrors()) return new Dag<>();
            dependencies = graph::resourceDependencies;
        }
        Dag<ApplyNode> dag = ApplyGraph.build(plan.resourceChanges(), plan.priorState(), dependencies, providers);
        Dag<String> named = new Dag<>();
        for (ApplyNode n : dag.nodes()) {
            named.add(n.toString());
            dag.dependenciesOf(n).forEach(d -> named.connect(n.toString(), d.toString()));
        }
        return named;
    }
}
