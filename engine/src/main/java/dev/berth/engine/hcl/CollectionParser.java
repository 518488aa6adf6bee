package dev.berth.engine.hcl;

import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

/** Parses tuple {@code [...]} and object {@code {...}} constructors and for expressions. */
final class CollectionParser {
    private final TokenCursor c;
    private final ExpressionParser exprs;

    CollectionParser(TokenCursor c, ExpressionParser exprs) {
        this.c = c;
        this.exprs = exprs;
    }

    Expr parseTuple() {
        int open = c.next();
        c.pushNewlines(true);
        if (isForHeader()) return parseFor(open, false);
        List<Expr> items = new ArrayList<>();
        while (c.peek() != TokenType.RBRACK) {
            items.add(exprs.parseExpression());
            if (c.peek() == TokenType.COMMA) {
                c.next();
            } else if (c.peek() != TokenType.RBRACK) {
                int i = c.indexAt(0);
                throw c.error("Missing item separator: expected \",\" or \"]\" after a list element, but found "
                        + c.describe(i), "The list opened at line " + c.range(open).line()
                        + " must be closed with \"]\".", i);
            }
        }
        int close = c.next();
        c.popNewlines();
        return new TupleConsExpr(items, c.range(c.start(open), c.end(close)));
    }

    Expr parseObject() {
        int open = c.next();
        c.pushNewlines(true);
        if (isForHeader()) return parseFor(open, true);
        c.popNewlines();
        // Newlines separate items, so they stay significant between them.
        c.pushNewlines(false);
        List<ObjectConsExpr.Item> items = new ArrayList<>();
        while (true) {
            while (c.peek() == TokenType.NEWLINE) c.next();
            if (c.peek() == TokenType.RBRACE) break;
            Expr key = parseKey();
            TokenType sep = c.peek();
            if (sep != TokenType.EQUAL && sep != TokenType.COLON) {
                int i = c.indexAt(0);
                throw c.error("Missing key/value separator: expected \"=\" after the object key, but found "
                        + c.describe(i), "Object items are written key = value.", i);
            }
            c.next();
            items.add(new ObjectConsExpr.Item(key, exprs.parseExpression()));
            TokenType t = c.peek();
            if (t == TokenType.COMMA || t == TokenType.NEWLINE) {
                c.next();
            } else if (t != TokenType.RBRACE) {
                int i = c.indexAt(0);
                throw c.error("Missing item separator: expected a newline or \",\" after the object item, but found "
                        + c.describe(i), "The object opened at line " + c.range(open).line()
                        + " must be closed with \"}\".", i);
            }
        }
        int close = c.next();
        c.popNewlines();
        return new ObjectConsExpr(items, c.range(c.start(open), c.end(close)));
    }

    /** A bare name (even a keyword such as null) before = or : is the literal key string. */
    private Expr parseKey() {
        if (c.peek() == TokenType.IDENT) {
            TokenType after = c.peekAt(1);
            if (after == TokenType.EQUAL || after == TokenType.COLON) {
                int i = c.next();
                return new LiteralExpr(Value.of(c.text(i)), c.range(i));
            }
        }
        return exprs.parseExpression();
    }

    private boolean isForHeader() {
        return c.peekKeyword("for") && c.peekAt(1) == TokenType.IDENT;
    }

    private Expr parseFor(int open, boolean object) {
        c.next();
        int first = c.expect(TokenType.IDENT, "Invalid for expression: expected a variable name after \"for\"", "");
        String keyVar = null;
        String valueVar = c.text(first);
        if (c.peek() == TokenType.COMMA) {
            c.next();
            int second = c.expect(TokenType.IDENT, "Invalid for expression: expected a second variable name after \",\"", "");
            keyVar = valueVar;
            valueVar = c.text(second);
        }
        if (!c.peekKeyword("in")) {
            int i = c.indexAt(0);
            throw c.error("Invalid for expression: expected \"in\" after the iteration variables, but found "
                    + c.describe(i), "A for expression is written [for v in collection : result].", i);
        }
        c.next();
        Expr coll = exprs.parseExpression();
        c.expect(TokenType.COLON, "Invalid for expression: expected \":\" after the collection",
                "A for expression is written [for v in collection : result].");
        Expr keyExpr = null;
        if (object) {
            keyExpr = exprs.parseExpression();
            c.expect(TokenType.FATARROW, "Invalid for expression: expected \"=>\" between key and value",
                    "An object for expression is written {for k, v in collection : key => value}.");
        }
        Expr value = exprs.parseExpression();
        boolean grouping = false;
        if (object && c.peek() == TokenType.ELLIPSIS) {
            c.next();
            grouping = true;
        }
        Expr cond = null;
        if (c.peekKeyword("if")) {
            c.next();
            cond = exprs.parseExpression();
        }
        TokenType closer = object ? TokenType.RBRACE : TokenType.RBRACK;
        int close = c.expect(closer, "Invalid for expression: expected " + closer.display
                + " to end the for expression", "");
        c.popNewlines();
        return new ForExpr(keyVar, valueVar, coll, keyExpr, value, cond, grouping,
                c.range(c.start(open), c.end(close)));
    }
}
