package dev.berth.engine.fmt;

import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.hcl.SourceTokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites an HCL file in Terraform's canonical layout. It works on the token stream, not the
 * AST, so comments and the author's line breaks survive; only whitespace between tokens
 * changes. A file that does not parse is never touched: guessing at broken input could lose text.
 */
public final class HclFormatter {
    private HclFormatter() {
    }

    public static FormatResult format(String path, String text) {
        ParseResult parsed = HclParser.parse(path, text);
        if (parsed.hasErrors()) return new FormatResult(null, parsed.diagnostics());
        List<FmtLine> lines = new ArrayList<>();
        for (List<FmtToken> tokens : collapseBlankLines(LineSplitter.split(text, SourceTokens.lex(path, text)))) {
            lines.add(FmtLine.of(tokens));
        }
        String out = new Layout(lines).render();
        return new FormatResult(usesCrlf(text) ? toCrlf(out) : out, List.of());
    }

    /** No blank lines at the start or end, and at most one in a row anywhere else. */
    private static List<List<FmtToken>> collapseBlankLines(List<List<FmtToken>> lines) {
        List<List<FmtToken>> out = new ArrayList<>();
        boolean pendingBlank = false;
        for (List<FmtToken> line : lines) {
            if (line.isEmpty()) {
                pendingBlank = !out.isEmpty();
                continue;
            }
            if (pendingBlank) out.add(List.of());
            pendingBlank = false;
            out.add(line);
        }
        return out;
    }

    /** A CRLF file stays CRLF; heredocs and block comments already carry their own CRs. */
    private static boolean usesCrlf(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r';
    }

    private static String toCrlf(String s) {
        StringBuilder sb = new StringBuilder(s.length() + s.length() / 20);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' && (i == 0 || s.charAt(i - 1) != '\r')) sb.append('\r');
            sb.append(c);
        }
        return sb.toString();
    }
}
