package dev.berth.engine.fmt;

import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.hcl.SourceTokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites an HCL file in Terraform's canonical layout. It works on the token stream, not the
 * AST, so comments and the author's line breaks (blank lines too, as terraform fmt keeps them)
 * survive; beyond whitespace only {@link Rewrites} changes text. A file that does not parse is
 * never touched: guessing at broken input could lose text.
 */
public final class HclFormatter {
    private HclFormatter() {
    }

    public static FormatResult format(String path, String text) {
        ParseResult parsed = HclParser.parse(path, text);
        if (parsed.hasErrors()) return new FormatResult(null, parsed.diagnostics());
        String rewritten = Rewrites.apply(text, SourceTokens.lex(path, text), parsed.file().body());
        List<FmtLine> lines = new ArrayList<>();
        for (List<FmtToken> tokens : LineSplitter.split(rewritten, SourceTokens.lex(path, rewritten))) {
            lines.add(FmtLine.of(tokens));
        }
        String out = new Layout(lines).render();
        return new FormatResult(usesCrlf(text) ? toCrlf(out) : out, List.of());
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
