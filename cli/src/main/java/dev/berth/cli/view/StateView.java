package dev.berth.cli.view;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Value;

import java.util.Map;
import java.util.TreeMap;

/** The human form of the state, as {@code terraform show} prints it. */
public final class StateView {
    private final boolean color;
    private final ValueFormatter values = new ValueFormatter();

    public StateView(boolean color) {
        this.color = color;
    }

    public String render(StateSnapshot state) {
        StringBuilder sb = new StringBuilder();
        java.util.SortedSet<ResourceInstanceAddr> addrs = new java.util.TreeSet<>(state.resources().keySet());
        state.deposed().forEach(d -> addrs.add(d.addr()));
        for (ResourceInstanceAddr addr : addrs) {
            ResourceState rs = state.resources().get(addr);
            if (rs != null) sb.append(renderResource(rs)).append('\n');
            for (DeposedObject d : state.deposed()) {
                if (d.addr().equals(addr)) sb.append(renderDeposed(d)).append('\n');
            }
        }
        if (!state.outputs().isEmpty()) {
            Map<String, Value> vals = new TreeMap<>();
            Map<String, Boolean> sensitive = new TreeMap<>();
            for (OutputState o : state.outputs().values()) {
                vals.put(o.name(), o.value());
                sensitive.put(o.name(), o.sensitive());
            }
            sb.append(values.formatOutputs(vals, sensitive, color));
        }
        return sb.toString();
    }

    /** One instance as {@code show} and {@code state show} print it; sensitive values read (sensitive value). */
    public String renderResource(ResourceState rs) {
        return block(rs, rs.tainted() ? " (tainted)" : "");
    }

    /** An object create_before_destroy set aside and that the next apply destroys. */
    public String renderDeposed(DeposedObject d) {
        return block(d.object(), " (deposed object " + d.key() + ")");
    }

    private String block(ResourceState rs, String note) {
        StringBuilder sb = new StringBuilder();
        sb.append(bold("# " + rs.addr() + ":")).append(note).append('\n');
        sb.append(rs.addr().isData() ? "data \"" : "resource \"").append(rs.addr().type()).append("\" \"")
                .append(rs.addr().name()).append("\" {\n");
        int width = rs.attributes().entries().keySet().stream().mapToInt(String::length).max().orElse(0);
        rs.attributes().entries().forEach((k, v) -> {
            if (v.isNull()) return;
            sb.append("    ").append(pad(k, width)).append(" = ").append(indent(values.format(v))).append('\n');
        });
        return sb.append("}\n").toString();
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String indent(String multiline) {
        return multiline.replace("\n", "\n    ");
    }
}
