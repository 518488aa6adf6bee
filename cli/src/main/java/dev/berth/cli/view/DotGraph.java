package dev.berth.cli.view;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.graph.Dag;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.GraphNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A graph in DOT as {@code terraform graph} writes it: every node of the root module inside
 * {@code subgraph "root"}, named "[root] ADDRESS", and edges from a node to what it depends on.
 */
public final class DotGraph {
    /** How a node is drawn; Terraform draws resources as boxes, providers as diamonds, the rest as notes. */
    public enum Shape {
        BOX("box"), DIAMOND("diamond"), NOTE("note");

        private final String dot;

        Shape(String dot) {
            this.dot = dot;
        }
    }

    private final Map<String, Shape> nodes = new LinkedHashMap<>();
    private final List<String[]> edges = new ArrayList<>();

    public DotGraph node(String label, Shape shape) {
        nodes.putIfAbsent(label, shape);
        return this;
    }

    public DotGraph edge(String from, String to) {
        edges.add(new String[]{from, to});
        return this;
    }

    /** The configuration graph: resources and data resources as boxes, each tied to its provider. */
    public static DotGraph ofConfiguration(Dag<GraphNode> dag, Providers providers) {
        DotGraph dot = new DotGraph();
        for (GraphNode n : dag.nodes()) dot.node(n.toString(), n instanceof GraphNode.Resource ? Shape.BOX : Shape.NOTE);
        for (GraphNode n : dag.nodes()) {
            if (n instanceof GraphNode.Resource r) dot.provider(providers, r.addr(), n.toString());
            dag.dependenciesOf(n).forEach(d -> dot.edge(n.toString(), d.toString()));
        }
        return dot;
    }

    /** Every resource depends on its provider, as Terraform draws it. */
    public DotGraph provider(Providers providers, ResourceAddr resource, String node) {
        Optional<Provider> p = providers.forAddr(resource);
        if (p.isEmpty()) return this;
        String label = "provider[\"" + p.get().fullName() + "\"]";
        return node(label, Shape.DIAMOND).edge(node, label);
    }

    public String render() {
        StringBuilder sb = new StringBuilder("digraph {\n\tcompound = \"true\"\n\tnewrank = \"true\"\n\tsubgraph \"root\" {\n");
        nodes.forEach((label, shape) -> sb.append("\t\t").append(id(label)).append(" [label = ").append(quote(label))
                .append(", shape = \"").append(shape.dot).append("\"]\n"));
        for (String[] e : edges) sb.append("\t\t").append(id(e[0])).append(" -> ").append(id(e[1])).append('\n');
        return sb.append("\t}\n}\n").toString();
    }

    private static String id(String label) {
        return quote("[root] " + label);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
