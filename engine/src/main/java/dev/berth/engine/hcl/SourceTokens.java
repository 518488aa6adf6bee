package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * The full token stream of a file, comments and newlines included, for tools that rewrite
 * layout (fmt). Lexing never fails; syntax errors are the parser's business, so callers parse
 * first and only ask for tokens of files that parsed cleanly.
 */
public final class SourceTokens {
    private SourceTokens() {
    }

    public static List<SourceToken> lex(String path, String text) {
        List<Diagnostic> ignored = new ArrayList<>();
        Tokens t = new Lexer(text, new LineIndex(path, text), ignored).keepComments().lex();
        List<SourceToken> out = new ArrayList<>(t.size);
        for (int i = 0; i < t.size; i++) out.add(new SourceToken(t.type(i), t.starts[i], t.ends[i]));
        return out;
    }
}
