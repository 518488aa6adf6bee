package dev.berth.engine.fmt;

import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.hcl.SourceToken;
import dev.berth.engine.hcl.SourceTokens;
import dev.berth.engine.hcl.TokenType;

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
        List<SourceToken> tokens = SourceTokens.lex(path, rewritten);
        List<FmtLine> lines = new ArrayList<>();
        for (List<FmtToken> line : LineSplitter.split(rewritten, tokens)) lines.add(FmtLine.of(line));
        String out = trailingBlanks(new Layout(lines).render(), rewritten, tokens);
        return new FormatResult(usesCrlf(text) ? toCrlf(out) : out, List.of());
    }

    /**
     * hclwrite never re-spaces the end of file: blanks after the last token (or after the last
     * newline) stay, one space each, before the final newline it adds.
     */
    private static String trailingBlanks(String out, String text, List<SourceToken> tokens) {
        SourceToken last = tokens.size() < 2 ? null : tokens.get(tokens.size() - 2);
        int blanks = 0;
        for (int i = last == null ? 0 : last.end(); i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') blanks++;
        }
        if (blanks == 0) return out;
        String pad = " ".repeat(blanks);
        if (last == null) return pad + "\n";
        return last.type() == TokenType.NEWLINE ? out + pad + "\n" : out.substring(0, out.length() - 1) + pad + "\n";
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
