package dev.berth.cli.view;

import java.util.regex.Pattern;

/** Quoting and naming rules shared by the plan renderer and the value formatter. */
final class HclStrings {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private HclStrings() {
    }

    /**
     * A double-quoted literal with the escapes Terraform's output uses (Go's {@code %q}), so a
     * newline or control character in a value can never break the layout of the plan.
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x0B -> sb.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7F) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (Character.isISOControl(cp) || !Character.isDefined(cp)
                            || Character.getType(cp) == Character.FORMAT) {
                        sb.append(cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** An attribute name as written: bare when it is an identifier, quoted otherwise. */
    static String attributeName(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : quote(name);
    }

    static String indent(int levels) {
        return "    ".repeat(levels);
    }
}
