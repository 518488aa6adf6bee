package dev.berth.engine.hcl;

/** Parses one {@code %{ ... }} directive into a flat marker. */
final class DirectiveParser {
    private DirectiveParser() {
    }

    static FlatPart parse(TokenCursor c, ExpressionParser exprs) {
        int open = c.next();
        c.pushNewlines(true);
        if (c.peek() != TokenType.IDENT) {
            int i = c.indexAt(0);
            throw c.error("Invalid template directive: expected if, else, endif, for or endfor, but found "
                    + c.describe(i), "", i);
        }
        int kw = c.next();
        String kind = c.text(kw);
        Expr expr = null;
        String keyVar = null;
        String valueVar = null;
        switch (kind) {
            case "if" -> expr = exprs.parseExpression();
            case "else", "endif", "endfor" -> {
            }
            case "for" -> {
                int v = c.expect(TokenType.IDENT, "Invalid template for directive: expected a variable name", "");
                valueVar = c.text(v);
                if (c.peek() == TokenType.COMMA) {
                    c.next();
                    int v2 = c.expect(TokenType.IDENT, "Invalid template for directive: expected a second variable name", "");
                    keyVar = valueVar;
                    valueVar = c.text(v2);
                }
                if (!c.peekKeyword("in")) {
                    int i = c.indexAt(0);
                    throw c.error("Invalid template for directive: expected \"in\", but found " + c.describe(i),
                            "A template loop is written %{ for v in collection }...%{ endfor }.", i);
                }
                c.next();
                expr = exprs.parseExpression();
            }
            default -> throw c.error("Invalid template directive: expected if, else, endif, for or endfor, but found "
                    + c.describe(kw), "", kw);
        }
        int close = exprs.templates().expectSequenceEnd("directive");
        c.popNewlines();
        return new FlatPart.Directive(kind, expr, keyVar, valueVar,
                c.end(open) - c.start(open) == 3, c.end(close) - c.start(close) == 2,
                c.range(c.start(open), c.end(close)));
    }
}
