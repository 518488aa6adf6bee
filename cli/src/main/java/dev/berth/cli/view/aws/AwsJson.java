package dev.berth.cli.view.aws;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** The AWS CLI's JSON output: json.dump(response, indent=4, ensure_ascii=False) and a newline; nothing for {}. */
public final class AwsJson {
    private AwsJson() {
    }

    public static String render(JsonNode response) {
        if (response.isObject() && response.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        write(response, 0, out);
        return out.append('\n').toString();
    }

    /** The same dump without the empty-object rule (skeletons print {} as it is). */
    public static String dump(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode v, int level, StringBuilder out) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(first ? "\n" : ",\n").append("    ".repeat(level + 1));
                first = false;
                PyStr.jsonString(e.getKey(), out);
                out.append(": ");
                write(e.getValue(), level + 1, out);
            }
            out.append('\n').append("    ".repeat(level)).append('}');
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n").append("    ".repeat(level + 1));
                write(v.get(i), level + 1, out);
            }
            out.append('\n').append("    ".repeat(level)).append(']');
        } else if (v.isTextual()) {
            PyStr.jsonString(v.textValue(), out);
        } else if (v.isBoolean()) {
            out.append(v.booleanValue() ? "true" : "false");
        } else if (v.isNull() || v.isMissingNode()) {
            out.append("null");
        } else if (PyStr.naiveDateTime(v) != null) {
            PyStr.jsonString(PyStr.naiveDateTime(v).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")), out);
        } else if (v.isIntegralNumber()) {
            out.append(v.bigIntegerValue());
        } else if (v.isNumber()) {
            double d = v.doubleValue();
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PyStr.floatRepr(d));
        } else {
            out.append(v);
        }
    }
}
