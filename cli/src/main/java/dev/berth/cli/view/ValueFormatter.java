package dev.berth.cli.view;

import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;

import java.util.Map;
import java.util.TreeMap;

/**
 * Values in HCL syntax the way Terraform prints output values: quoted strings, exact numbers,
 * heredocs for multi-line strings, and multi-line lists and objects indented by two. Nothing
 * under a sensitive marking is ever shown.
 */
public final class ValueFormatter {

    /** A value as Terraform's {@code Outputs:} section and {@code output NAME} print it. */
    public String format(Value v) {
        return format(v, 0);
    }

    /**
     * Terraform's {@code Outputs:} section as printed after an apply: a blank line, the heading,
     * a blank line, then {@code name = value} per output in name order. Outputs flagged in
     * {@code sensitive} (or whose value is itself sensitive) read {@code <sensitive>}. Empty
     * when there are no outputs.
     */
    public String formatOutputs(Map<String, Value> outputs, Map<String, Boolean> sensitive) {
        return formatOutputs(outputs, sensitive, false);
    }

    public String formatOutputs(Map<String, Value> outputs, Map<String, Boolean> sensitive, boolean color) {
        if (outputs.isEmpty()) return "";
        Palette p = new Palette(color);
        StringBuilder sb = new StringBuilder("\n").append(p.style(Palette.BOLD + Palette.GREEN, "Outputs:")).append("\n\n");
        for (Map.Entry<String, Value> e : new TreeMap<>(outputs).entrySet()) {
            boolean hidden = Boolean.TRUE.equals(sensitive.get(e.getKey())) || e.getValue() instanceof SensitiveValue;
            sb.append(e.getKey()).append(" = ").append(hidden ? "<sensitive>" : format(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    /**
     * The bare text {@code output -raw} prints: a string without quotes, a number or a bool.
     *
     * @throws IllegalArgumentException for anything else, and for sensitive values, which are
     *                                  never printed (Terraform's -raw would print them)
     */
    public String raw(Value v) {
        if (v instanceof SensitiveValue || (v != null && v.containsSensitive())) {
            throw new IllegalArgumentException("The output value is sensitive, and sensitive values are never printed.");
        }
        if (v instanceof StringValue s) return s.value();
        if (v instanceof NumberValue || v instanceof BoolValue) return v.toString();
        String what = v == null || v instanceof NullValue ? "null" : v instanceof UnknownValue ? "not yet known"
                : "a " + v.typeName();
        throw new IllegalArgumentException("Unsupported value for raw output: the -raw option only supports strings, "
                + "numbers, and boolean values, but the output value is " + what + ".");
    }

    private String format(Value v, int indent) {
        if (v == null || v instanceof NullValue) return "null";
        if (v instanceof UnknownValue) return "(known after apply)";
        if (v instanceof SensitiveValue) return "(sensitive value)";
        if (v instanceof StringValue s) return string(s.value(), indent);
        if (v instanceof MapValue m) return mapping(m, indent);
        if (v instanceof ListValue l) return sequence(l, indent);
        return v.toString();
    }

    private String string(String s, int indent) {
        String[] lines = s.split("\n", -1);
        if (lines.length < 2) return HclStrings.quote(s);
        // Nested values use the indented heredoc so the value's lines can sit at its depth.
        String operator = indent > 0 ? "<<-" : "<<";
        String delimiter = delimiterFor(lines);
        String pad = " ".repeat(indent);
        StringBuilder sb = new StringBuilder(operator).append(delimiter);
        for (String line : lines) sb.append('\n').append(pad).append(line);
        return sb.append('\n').append(pad).append(delimiter).toString();
    }

    /** EOT, lengthened until no line of the text could be mistaken for the closing marker. */
    private static String delimiterFor(String[] lines) {
        String delimiter = "EOT";
        boolean clash = true;
        while (clash) {
            clash = false;
            for (String line : lines) {
                if (line.strip().equals(delimiter)) {
                    delimiter += "_";
                    clash = true;
                    break;
                }
            }
        }
        return delimiter;
    }

    private String mapping(MapValue m, int indent) {
        if (m.entries().isEmpty()) return "{}";
        String pad = " ".repeat(indent + 2);
        StringBuilder sb = new StringBuilder("{");
        m.entries().forEach((k, v) -> sb.append('\n').append(pad).append(HclStrings.quote(k)).append(" = ")
                .append(format(v, indent + 2)));
        return sb.append('\n').append(" ".repeat(indent)).append('}').toString();
    }

    private String sequence(ListValue l, int indent) {
        if (l.items().isEmpty()) return "[]";
        String pad = " ".repeat(indent + 2);
        StringBuilder sb = new StringBuilder("[");
        for (Value v : l.items()) sb.append('\n').append(pad).append(format(v, indent + 2)).append(',');
        return sb.append('\n').append(" ".repeat(indent)).append(']').toString();
    }
}
