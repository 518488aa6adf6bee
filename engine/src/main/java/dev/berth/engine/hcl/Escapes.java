package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;

import java.util.List;

/** Decodes the literal text of templates. */
final class Escapes {
    private Escapes() {
    }

    /** Quoted strings: backslash escapes plus {@code $${} and {@code %%{}. */
    static String quoted(String src, int start, int end, LineIndex lines, List<Diagnostic> diags) {
        StringBuilder sb = null;
        int i = start;
        int copied = start;
        while (i < end) {
            char ch = src.charAt(i);
            if (ch == '\\' || ((ch == '$' || ch == '%') && i + 2 < end
                    && src.charAt(i + 1) == ch && src.charAt(i + 2) == '{')) {
                if (sb == null) sb = new StringBuilder(end - start);
                sb.append(src, copied, i);
                if (ch != '\\') {
                    sb.append(ch).append('{');
                    i += 3;
                } else {
                    i = backslash(src, i, end, sb, lines, diags);
                }
                copied = i;
            } else {
                i++;
            }
        }
        if (sb == null) return src.substring(start, end);
        sb.append(src, copied, end);
        return sb.toString();
    }

    private static int backslash(String src, int i, int end, StringBuilder sb, LineIndex lines,
                                 List<Diagnostic> diags) {
        char e = i + 1 < end ? src.charAt(i + 1) : '\0';
        switch (e) {
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'u', 'U' -> {
                int len = e == 'u' ? 4 : 8;
                int cp = hex(src, i + 2, len, end);
                if (cp < 0 || !Character.isValidCodePoint(cp)) {
                    diags.add(Diagnostic.error("Invalid escape sequence: \\" + e + " must be followed by "
                                    + len + " hexadecimal digits",
                            "", lines.range(i, Math.min(end, i + 2 + len))));
                    return Math.min(end, i + 2);
                }
                sb.appendCodePoint(cp);
                return i + 2 + len;
            }
            default -> {
                diags.add(Diagnostic.error("Invalid escape sequence: \"\\" + (e == '\0' ? "" : String.valueOf(e))
                                + "\" is not a recognised escape",
                        "Valid escapes are \\n \\r \\t \\\" \\\\ \\uNNNN and \\UNNNNNNNN.",
                        lines.range(i, Math.min(end, i + 2))));
                return Math.min(end, i + 2);
            }
        }
        return i + 2;
    }

    private static int hex(String src, int from, int len, int end) {
        if (from + len > end) return -1;
        int v = 0;
        for (int k = 0; k < len; k++) {
            int d = Character.digit(src.charAt(from + k), 16);
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    }

    /** Heredocs and template files: only {@code $${} and {@code %%{} are escapes. */
    static String heredoc(String src, int start, int end) {
        StringBuilder sb = null;
        int copied = start;
        for (int i = start; i + 2 < end; i++) {
            char ch = src.charAt(i);
            if ((ch == '$' || ch == '%') && src.charAt(i + 1) == ch && src.charAt(i + 2) == '{') {
                if (sb == null) sb = new StringBuilder(end - start);
                sb.append(src, copied, i).append(ch).append('{');
                i += 2;
                copied = i + 1;
            }
        }
        if (sb == null) return src.substring(start, end);
        sb.append(src, copied, end);
        return sb.toString();
    }
}
