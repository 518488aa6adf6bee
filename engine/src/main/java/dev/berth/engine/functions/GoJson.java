package dev.berth.engine.functions;

import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;

/**
 * JSON as Terraform's functions produce it. Go's encoder escapes {@code < > &} and the Unicode
 * line separators so output can be embedded in HTML and JavaScript; configurations compare
 * against those exact strings, so we escape the same way.
 */
final class GoJson {
    private GoJson() {
    }

    static String encode(Value v) {
        String json = ValueJson.toJson(v);
        // These characters can only occur inside string literals, so a blanket replace is safe.
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String quote(String s) {
        return encode(new StringValue(s));
    }
}
