package dev.berth.cli.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
