package dev.berth.engine.fmt;

import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.hcl.SourceToken;
import dev.berth.engine.hcl.TokenType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The few changes terraform fmt makes beyond whitespace (its formatBody): block labels are
 * quoted and comments between them dropped, an argument whose whole value is one interpolation ({@code "${var.x}"}) is unwrapped,
 * and a variable's legacy type ({@code "string"}, {@code "list"}, bare {@code list}) is
 * modernised. They are text edits applied before layout, so layout stays one algorithm.
 */
final class Rewrites {
    private record Edit(int start, int end, String text) {
    }

    private final String text;
    private final List<SourceToken> tokens;
    private final List<Edit> edits = new ArrayList<>();

    private Rewrites(String text, List<SourceToken> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    static String apply(String text, List<SourceToken> tokens, Body file) {
        Rewrites r = new Rewrites(text, tokens);
        r.body(file, null, 0);
        if (r.edits.isEmpty()) return text;
        r.edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Edit e : r.edits) sb.replace(e.start, e.end, e.text);
        return sb.toString();
    }

    private void body(Body body, String blockType, int depth) {
        for (Attribute a : body.attributes()) {
            List<SourceToken> value = tokensIn(a.expr().range());
            if (depth == 1 && "variable".equals(blockType) && a.name().equals("type")) {
                typeExpr(value);
            } else {
                interpolationOnly(value);
            }
        }
        for (Block b : body.blocks()) {
            labels(b);
            body(b.body(), b.type(), depth + 1);
        }
    }

    /** Labels are written quoted, one space apart; comments between them go, as in hclwrite. */
    private void labels(Block b) {
        if (b.labelRanges().isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (SourceRange label : b.labelRanges()) {
            String raw = text.substring(label.startOffset(), label.endOffset());
            sb.append(' ').append(raw.startsWith("\"") ? raw : "\"" + raw + "\"");
        }
        int end = b.labelRanges().get(b.labelRanges().size() - 1).endOffset();
        String now = text.substring(b.typeRange().endOffset(), end);
        if (!now.contentEquals(sb)) edits.add(new Edit(b.typeRange().endOffset(), end, sb.toString()));
    }

    /** The tokens of an expression, comments left out as hclwrite's checks see them. */
    private List<SourceToken> tokensIn(SourceRange r) {
        List<SourceToken> out = new ArrayList<>();
        for (SourceToken t : tokens) {
            if (t.start() >= r.startOffset() && t.end() <= r.endOffset() && t.type() != TokenType.COMMENT) out.add(t);
        }
        return out;
    }

    private void interpolationOnly(List<SourceToken> ts) {
        int n = ts.size();
        if (n < 5 || ts.get(0).type() != TokenType.OQUOTE || ts.get(1).type() != TokenType.TEMPLATE_INTERP
                || ts.get(n - 2).type() != TokenType.TEMPLATE_SEQ_END || ts.get(n - 1).type() != TokenType.CQUOTE) {
            return;
        }
        int quotes = 0;
        boolean multiLine = false;
        for (SourceToken t : ts.subList(2, n - 2)) {
            switch (t.type()) {
                case OQUOTE -> quotes++;
                case CQUOTE -> quotes--;
                default -> {
                    if (quotes > 0) continue;
                    if (t.type() == TokenType.TEMPLATE_INTERP || t.type() == TokenType.TEMPLATE_SEQ_END
                            || t.type() == TokenType.TEMPLATE_CONTROL || t.type() == TokenType.TEMPLATE_LITERAL) {
                        return;
                    }
                    if (t.type() == TokenType.NEWLINE) multiLine = true;
                }
            }
        }
        String inner = text.substring(ts.get(1).end(), ts.get(n - 2).start()).strip();
        if (multiLine && !(inner.startsWith("(") && inner.endsWith(")"))) inner = "(" + inner + ")";
        edits.add(new Edit(ts.get(0).start(), ts.get(n - 1).end(), inner));
    }

    private void typeExpr(List<SourceToken> ts) {
        if (ts.size() == 1 && ts.get(0).type() == TokenType.IDENT) {
            String kw = word(ts.get(0));
            if (kw.equals("list") || kw.equals("map") || kw.equals("set")) {
                edits.add(new Edit(ts.get(0).start(), ts.get(0).end(), kw + "(any)"));
            }
        } else if (ts.size() == 3 && ts.get(0).type() == TokenType.OQUOTE
                && ts.get(1).type() == TokenType.TEMPLATE_LITERAL && ts.get(2).type() == TokenType.CQUOTE) {
            // Terraform 0.11's quoted types; 0.11 turned numbers into strings, hence string elements.
            String replacement = switch (word(ts.get(1))) {
                case "string" -> "string";
                case "list" -> "list(string)";
                case "map" -> "map(string)";
                default -> null;
            };
            if (replacement != null) edits.add(new Edit(ts.get(0).start(), ts.get(2).end(), replacement));
        }
    }

    private String word(SourceToken t) {
        return text.substring(t.start(), t.end());
    }
}
