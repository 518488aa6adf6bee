package dev.berth.cli.view.markdown;

/** Escaping for the two places addresses appear: inline code and HTML inside {@code <summary>}. */
final class Markdown {
    private Markdown() {
    }

    /** Inline code whose delimiters are longer than any backtick run in the text. */
    static String code(String s) {
        int longest = 0, run = 0;
        for (char ch : s.toCharArray()) {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String ticks = "`".repeat(longest + 1);
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return ticks + pad + s + pad + ticks;
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
