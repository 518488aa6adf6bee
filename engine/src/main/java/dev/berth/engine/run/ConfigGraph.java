package dev.berth.engine.run;

import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Reference;
import dev.berth.engine.eval.References;
import dev.berth.engine.graph.Dag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The dependency graph of a configuration: an edge for every reference and every
 * {@code depends_on}. References to undeclared objects and cycles are reported here, before
 * anything is evaluated.
 */
public final class ConfigGraph {
    private final Dag<GraphNode> dag;
    private final Map<ResourceAddr, Set<ResourceAddr>> resourceDependencies;
    private final boolean acyclic;

    private ConfigGraph(Dag<GraphNode> dag, Map<ResourceAddr, Set<ResourceAddr>> resourceDependencies, boolean acyclic) {
        this.dag = dag;
        this.resourceDependencies = resourceDependencies;
        this.acyclic = acyclic;
    }

    public Dag<GraphNode> dag() {
        return dag;
    }

    /** False when the graph has a cycle; such a graph must not be walked. */
    public boolean acyclic() {
        return acyclic;
    }

    /** The resources a resource depends on, directly or through locals and variables. */
    public Set<ResourceAddr> resourceDependencies(ResourceAddr addr) {
        return resourceDependencies.getOrDefault(addr, Set.of());
    }

    public static ConfigGraph build(Config config, Diagnostics diags) {
        Dag<GraphNode> dag = new Dag<>();
        config.variables().keySet().stream().sorted().forEach(n -> dag.add(new GraphNode.Variable(n)));
        new TreeMap<>(config.locals()).forEach((name, l) -> {
            GraphNode node = new GraphNode.Local(name);
            dag.add(node);
            connect(dag, node, References.of(l.expr()), config, null, diags);
        });
        // In address order, as a TreeMap of them would give, sorted once in a list: a tree of
        // 100,000 resources built for one pass over it was a tenth of the check.
        List<ResourceConfig> resources = new ArrayList<>(config.resources().values());
        resources.sort(java.util.Comparator.comparing(ResourceConfig::addr));
        for (ResourceConfig rc : resources) {
            GraphNode node = new GraphNode.Resource(rc.addr());
            dag.add(node);
            connect(dag, node, resourceReferences(rc), config, rc, diags);
        }
        new TreeMap<>(config.outputs()).forEach((name, o) -> {
            GraphNode node = new GraphNode.Output(name);
            dag.add(node);
            List<Reference> refs = new ArrayList<>(References.of(o.value()));
            o.dependsOn().forEach(e -> refs.addAll(References.of(e)));
            connect(dag, node, refs, config, null, diags);
        });
        List<List<GraphNode>> cycles = dag.cycles();
        for (List<GraphNode> cycle : cycles) {
            diags.error("Cycle: " + cycle.stream().map(GraphNode::toString).collect(Collectors.joining(", ")),
                    "These objects refer to each other, so none of them can be evaluated first.", null);
        }
        return new ConfigGraph(dag, cycles.isEmpty() ? resourceClosure(dag) : Map.of(), cycles.isEmpty());
    }

    /** Every reference a resource makes, from its arguments, nested blocks and meta-arguments. */
    public static List<Reference> resourceReferences(ResourceConfig rc) {
        return rc.references();
    }

    private static void connect(Dag<GraphNode> dag, GraphNode from, List<Reference> refs, Config config,
                                ResourceConfig inResource, Diagnostics diags) {
        for (Reference ref : refs) {
            GraphNode target = target(ref, config, inResource, diags);
            if (target != null) dag.connect(from, target);
        }
    }

    private static GraphNode target(Reference ref, Config config, ResourceConfig inResource, Diagnostics diags) {
        switch (ref.kind()) {
            case "var" -> {
                if (config.variables().containsKey(ref.name())) return new GraphNode.Variable(ref.name());
                diags.error("Reference to undeclared input variable: a variable named \"" + ref.name()
                                + "\" has not been declared." + Suggestions.didYouMean(ref.name(), config.variables().keySet()),
                        "Declare it with a variable \"" + ref.name() + "\" block.", ref.range());
            }
            case "local" -> {
                if (config.locals().containsKey(ref.name())) return new GraphNode.Local(ref.name());
                diags.error("Reference to undeclared local value: a local value named \"" + ref.name()
                                + "\" has not been declared." + Suggestions.didYouMean(ref.name(), config.locals().keySet()),
                        "", ref.range());
            }
            case "resource" -> {
                String[] parts = ref.name().split("\\.", 2);
                ResourceAddr addr = new ResourceAddr(parts[0], parts.length > 1 ? parts[1] : "");
                if (config.resources().containsKey(addr)) return new GraphNode.Resource(addr);
                Set<String> declared = config.resources().keySet().stream().filter(a -> !a.isData())
                        .map(ResourceAddr::toString).collect(Collectors.toCollection(TreeSet::new));
                diags.error("Reference to undeclared resource: a resource \"" + addr.type() + "\" \"" + addr.name()
                        + "\" has not been declared." + Suggestions.didYouMean(ref.name(), declared), "", ref.range());
            }
            case "data" -> {
                String[] parts = ref.name().split("\\.", 2);
                ResourceAddr addr = ResourceAddr.data(parts[0], parts.length > 1 ? parts[1] : "");
                if (config.resources().containsKey(addr)) return new GraphNode.Resource(addr);
                Set<String> declared = config.resources().keySet().stream().filter(ResourceAddr::isData)
                        .map(ResourceAddr::toString).collect(Collectors.toCollection(TreeSet::new));
                diags.error("Reference to undeclared resource: a data resource \"" + addr.type() + "\" \""
                        + addr.name() + "\" has not been declared." + Suggestions.didYouMean(addr.toString(), declared),
                        "", ref.range());
            }
            case "count" -> {
                if (inResource == null || inResource.count() == null) {
                    diags.error("Reference to \"count\" in a non-counted context: count.index is only available in "
                            + "resources that set count.", "", ref.range());
                }
            }
            case "each" -> {
                if (inResource == null || inResource.forEach() == null) {
                    diags.error("Reference to \"each\" in a context without for_each: each.key and each.value are "
                            + "only available in resources that set for_each.", "", ref.range());
                }
            }
            case "path" -> {
                if (!Set.of("module", "root", "cwd").contains(ref.name())) {
                    diags.error("Invalid \"path\" attribute: \"" + ref.name() + "\" is not one of module, root, cwd.",
                            "", ref.range());
                }
            }
            default -> diags.error("Invalid reference: \"" + ref.text() + "\" is not allowed here.", "", ref.range());
        }
        return null;
    }

    /** For each resource: the resources reachable through non-resource nodes and direct edges. */
    private static Map<ResourceAddr, Set<ResourceAddr>> resourceClosure(Dag<GraphNode> dag) {
        Map<ResourceAddr, Set<ResourceAddr>> out = new java.util.HashMap<>();
        for (GraphNode n : dag.nodes()) {
            if (!(n instanceof GraphNode.Resource r)) continue;
            if (onlyLeaves(dag, n)) {
                // Most resources refer to nothing but variables and other resources: no search.
                Set<ResourceAddr> direct = null;
                for (GraphNode d : dag.dependenciesOf(n)) {
                    if (!(d instanceof GraphNode.Resource dr)) continue;
                    if (direct == null) direct = new LinkedHashSet<>();
                    direct.add(dr.addr());
                }
                if (direct != null) out.put(r.addr(), direct);
                continue;
            }
            Set<ResourceAddr> found = new LinkedHashSet<>();
            List<GraphNode> work = new ArrayList<>(dag.dependenciesOf(n));
            Set<GraphNode> seen = new java.util.HashSet<>();
            while (!work.isEmpty()) {
                GraphNode d = work.remove(work.size() - 1);
                if (!seen.add(d)) continue;
                if (d instanceof GraphNode.Resource dr) found.add(dr.addr());
                else work.addAll(dag.dependenciesOf(d));
            }
            out.put(r.addr(), found);
        }
        return out;
    }

    /** Whether every dependency of {@code n} is a resource or depends on nothing itself. */
    private static boolean onlyLeaves(Dag<GraphNode> dag, GraphNode n) {
        for (GraphNode d : dag.dependenciesOf(n)) {
            if (!(d instanceof GraphNode.Resource) && !dag.dependenciesOf(d).isEmpty()) return false;
        }
        return true;
    }

}
