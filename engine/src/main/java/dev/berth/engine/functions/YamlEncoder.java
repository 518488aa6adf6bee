package dev.berth.engine.functions;

import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.Map;

/**
 * yamlencode's output, matching Terraform's block style: every string and key double-quoted
 * (so "yes" or "1.0" can never be misread), multi-line strings as literal blocks, sequences under
 * a mapping key not indented, nested mappings indented by two.
 */
final class YamlEncoder {
    private YamlEncoder() {
    }

    static String encode(Value v) {
        StringBuilder out = new StringBuilder();
        if (isBlock(v)) {
            block(out, v, 0);
        } else {
            out.append(scalar(v, 0)).append('\n');
            // Go's YAML emitter ends a document that is a lone plain scalar with an explicit end marker.
            if (!(v instanceof StringValue) && !(v instanceof ListValue) && !(v instanceof MapValue)) out.append("...\n");
        }
        return out.toString();
    }

    private static boolean isBlock(Value v) {
        return (v instanceof ListValue l && l.size() > 0) || (v instanceof MapValue m && !m.entries().isEmpty());
    }

    /** Writes a non-empty list or map starting at the current line, each line indented by {@code indent}. */
    private static void block(StringBuilder out, Value v, int indent) {
        String pad = " ".repeat(indent);
        boolean first = true;
        if (v instanceof ListValue l) {
            for (Value item : l.items()) {
                if (!first) out.append(pad);
                first = false;
                out.append("- ");
                if (isBlock(item)) {
                    block(out, item, indent + 2);
                } else {
                    out.append(scalar(item, indent + 2)).append('\n');
                }
            }
            return;
        }
        for (Map.Entry<String, Value> e : ((MapValue) v).entries().entrySet()) {
            if (!first) out.append(pad);
            first = false;
            out.append(GoJson.quote(e.getKey())).append(':');
            Value item = e.getValue();
            if (item instanceof MapValue && isBlock(item)) {
                out.append('\n').append(" ".repeat(indent + 2));
                block(out, item, indent + 2);
            } else if (item instanceof ListValue && isBlock(item)) {
                out.append('\n').append(pad);
                block(out, item, indent);
            } else {
                out.append(' ').append(scalar(item, indent + 2)).append('\n');
            }
        }
    }

    private static String scalar(Value v, int indent) {
        if (v.isNull()) return "null";
        if (v instanceof BoolValue b) return b.toString();
        if (v instanceof NumberValue n) return n.toString();
        if (v instanceof ListValue) return "[]";
        if (v instanceof MapValue) return "{}";
        String s = ((StringValue) v).value();
        if (s.contains("\n")) return literal(s, indent);
        return doubleQuoted(s);
    }

    /** A literal block; the chomping indicator records whether the text ended in a newline. */
    private static String literal(String s, int indent) {
        boolean trailing = s.endsWith("\n");
        String body = trailing ? s.substring(0, s.length() - 1) : s;
        String pad = " ".repeat(Math.max(indent, 2));
        StringBuilder out = new StringBuilder(trailing ? "|" : "|-");
        if (body.startsWith(" ")) out.insert(1, '2');
        for (String line : body.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) out.append(pad).append(line);
        }
        return out.toString();
    }

    private static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == 0xFEFF) out.append(String.format("\\x%02X", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
