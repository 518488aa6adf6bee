package dev.berth.engine.fmt;

import dev.berth.engine.hcl.SourceToken;
import dev.berth.engine.hcl.TokenType;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the token stream into lines of tokens. Whitespace between tokens is dropped (layout is
 * recomputed), everything else is kept: comments and template text. A heredoc's lines are
 * template text tokens that carry their own newline, so they never start a line of layout, and
 * only the spacing inside its interpolations changes, as with hclwrite.
 */
final class LineSplitter {
    private LineSplitter() {
    }

    static List<List<FmtToken>> split(String text, List<SourceToken> tokens) {
        List<List<FmtToken>> lines = new ArrayList<>();
        List<FmtToken> line = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SourceToken t = tokens.get(i);
            switch (t.type()) {
                case EOF -> {
                }
                case NEWLINE -> {
                    lines.add(line);
                    line = new ArrayList<>();
                }
                case COMMENT -> line.add(new FmtToken(TokenType.COMMENT, comment(text, t)));
                default -> line.add(new FmtToken(t.type(), text.substring(t.start(), t.end())));
            }
        }
        if (!line.isEmpty()) lines.add(line);
        return lines;
    }

    /**
     * A comment's text stays exactly as written, trailing blanks included (terraform fmt keeps
     * them); only a line comment's CR goes, since a CRLF file gets its CRs back as a whole.
     */
    private static String comment(String text, SourceToken t) {
        String s = text.substring(t.start(), t.end());
        return !s.startsWith("/*") && s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
