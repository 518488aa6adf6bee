package dev.berth.engine.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a large, cleanly lexed file's top-level items on every core. The tokens are cut at
 * newlines outside any bracket, string or template that start a new item; each piece is parsed
 * as a file of its own and the blocks are joined in order. Offsets stay those of the whole file,
 * so every node and source range is the one a single pass makes. Anything unusual (a lexer
 * problem, a syntax error, a top-level argument, nesting too deep) gives up and the caller
 * parses the whole file in one pass, so its diagnostics are exactly the single pass's.
 * A 100,000-resource file (42 MB) spent a tenth of its plan in this parse on one core.
 */
final class ParallelBody {
    /** Below this many tokens (about 1 MB of configuration) one pass is quicker than splitting. */
    static final int MIN_TOKENS = 300_000;
    private static final int MIN_PIECE = 50_000;

    private ParallelBody() {
    }

    /** The file's top-level blocks, in order, or null when the file must be parsed in one pass. */
    static List<Block> blocks(TokenCursor whole) {
        Tokens t = whole.t;
        if (t.size < MIN_TOKENS) return null;
        List<int[]> pieces = pieces(t);
        if (pieces == null || pieces.size() < 2) return null;
        // Each piece ends at the newline before the next one's first item: that newline reads as
        // the end of the file while the pieces are parsed (the tokens are shared, not copied: at
        // 100,000 resources they are 13 million), and reads as a newline again afterwards.
        for (int k = 0; k < pieces.size() - 1; k++) t.setType(pieces.get(k)[1], TokenType.EOF);
        List<List<Block>> parsed;
        try {
            parsed = pieces.parallelStream().map(p -> parse(whole, p[0])).toList();
        } finally {
            for (int k = 0; k < pieces.size() - 1; k++) t.setType(pieces.get(k)[1], TokenType.NEWLINE);
        }
        List<Block> out = new ArrayList<>();
        for (List<Block> b : parsed) {
            if (b == null) return null;
            out.addAll(b);
        }
        return out;
    }

    /**
     * Token ranges [from, to]: from is the file's start or the first token of an item, to the
     * top-level newline before the next piece (the last piece ends at the file's end). Null when
     * the tokens hold anything that might parse differently in pieces.
     */
    private static List<int[]> pieces(Tokens t) {
        int want = Math.max(2, Math.min(Runtime.getRuntime().availableProcessors() * 4, t.size / MIN_PIECE));
        int step = t.size / want;
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < t.size; i++) {
            switch (t.type(i)) {
                case LBRACE, LBRACK, LPAREN, TEMPLATE_INTERP, TEMPLATE_CONTROL, OQUOTE, OHEREDOC -> depth++;
                case RBRACE, RBRACK, RPAREN, TEMPLATE_SEQ_END, CQUOTE, CHEREDOC -> {
                    if (--depth < 0) return null;
                }
                case INVALID, BAD_NUMBER, STRING_UNTERMINATED, HEREDOC_UNTERMINATED, COMMENT -> {
                    return null;
                }
                case NEWLINE -> {
                    if (depth == 0 && i - from >= step && i + 1 < t.size && t.type(i + 1) == TokenType.IDENT) {
                        out.add(new int[]{from, i});
                        from = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        if (depth != 0 || t.type(t.size - 1) != TokenType.EOF) return null;
        out.add(new int[]{from, t.size - 1});
        return out;
    }

    /** One piece as a file of its own: from its first token up to the end of file that ends it. */
    private static List<Block> parse(TokenCursor whole, int from) {
        List<dev.berth.engine.diag.Diagnostic> diags = new ArrayList<>();
        TokenCursor c = new TokenCursor(whole.t, whole.src, whole.lines, diags);
        c.pos = from;
        List<Attribute> attrs = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        try {
            new BodyParser(c, new ExpressionParser(c)).parseTopLevel(attrs, blocks);
        } catch (StackOverflowError e) {
            return null;
        }
        return diags.isEmpty() && attrs.isEmpty() ? blocks : null;
    }
}
