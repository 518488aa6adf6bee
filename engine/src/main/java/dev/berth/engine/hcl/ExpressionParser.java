package dev.berth.engine.hcl;

import dev.berth.engine.value.NumberRange;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Pratt parser for expressions. Precedence, loosest first: conditional, ||, &&, == !=,
 * comparisons, + -, * / %, unary ! -, then postfix traversals and splats.
 */
final class ExpressionParser {
    private static final String EXPR_DETAIL =
            "An expression is a literal, a reference, a function call, a string or a [...] or {...} constructor.";

    private final TokenCursor c;
    private final TemplateParser templates;

    ExpressionParser(TokenCursor c) {
        this.c = c;
        this.templates = new TemplateParser(c, this);
    }

    TemplateParser templates() {
        return templates;
    }

    Expr parseExpression() {
        Expr cond = parseBinary(1);
        if (c.peek() != TokenType.QUESTION) return cond;
        c.next();
        Expr t = parseExpression();
        c.expect(TokenType.COLON, "Missing false result in conditional: expected \":\"",
                "A conditional is written condition ? true_result : false_result.");
        Expr f = parseExpression();
        return new ConditionalExpr(cond, t, f, c.range(cond.range().startOffset(), f.range().endOffset()));
    }

    private static BinaryOp binaryOp(TokenType t) {
        return switch (t) {
            case OR -> BinaryOp.OR;
            case AND -> BinaryOp.AND;
            case EQEQ -> BinaryOp.EQUAL;
            case NOTEQ -> BinaryOp.NOT_EQUAL;
            case LT -> BinaryOp.LESS;
            case LE -> BinaryOp.LESS_EQUAL;
            case GT -> BinaryOp.GREATER;
            case GE -> BinaryOp.GREATER_EQUAL;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUBTRACT;
            case STAR -> BinaryOp.MULTIPLY;
            case SLASH -> BinaryOp.DIVIDE;
            case PERCENT -> BinaryOp.MODULO;
            default -> null;
        };
    }

    private Expr parseBinary(int minPrecedence) {
        Expr left = parseUnary();
        while (true) {
            BinaryOp op = binaryOp(c.peek());
            if (op == null || op.precedence < minPrecedence) return left;
            c.next();
            Expr right = parseBinary(op.precedence + 1);
            left = new BinaryOpExpr(op, left, right, c.range(left.range().startOffset(), right.range().endOffset()));
        }
    }

    private Expr parseUnary() {
        TokenType t = c.peek();
        if (t == TokenType.BANG || t == TokenType.MINUS) {
            int i = c.next();
            Expr operand = parseUnary();
            UnaryOp op = t == TokenType.BANG ? UnaryOp.NOT : UnaryOp.NEGATE;
            return new UnaryOpExpr(op, operand, c.range(c.start(i), operand.range().endOffset()));
        }
        return new PostfixParser(c, this).parse(parsePrimary());
    }

    /** The literal's value, or null when it is out of {@link NumberRange} (or its exponent overflows). */
    private static BigDecimal number(String text) {
        try {
            BigDecimal n = new BigDecimal(text);
            return NumberRange.contains(n) ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Expr parsePrimary() {
        TokenType t = c.peek();
        switch (t) {
            case NUMBER -> {
                int i = c.next();
                String text = c.text(i);
                BigDecimal n = number(text);
                if (n == null) {
                    c.report("Invalid number literal", NumberRange.explain(c.describe(i)), c.range(i));
                    return new LiteralExpr(Value.nil(), c.range(i));
                }
                return new LiteralExpr(c.number(text, n), c.range(i));
            }
            case BAD_NUMBER -> {
                int i = c.next();
                c.report("Invalid number literal", c.describe(i) + " is not a valid number; "
                        + "numbers are written like 42, 3.14 or 1.5e3.", c.range(i));
                return new LiteralExpr(Value.nil(), c.range(i));
            }
            case IDENT -> {
                return parseIdentifier();
            }
            case OQUOTE -> {
                return templates.parseQuoted();
            }
            case OHEREDOC -> {
                return templates.parseHeredoc();
            }
            case LPAREN -> {
                int open = c.next();
                c.pushNewlines(true);
                Expr inner = parseExpression();
                int close = c.expect(TokenType.RPAREN, "Missing closing parenthesis: expected \")\"",
                        "The parenthesis opened at line " + c.range(open).line() + " is not closed.");
                c.popNewlines();
                return new ParenthesesExpr(inner, c.range(c.start(open), c.end(close)));
            }
            case LBRACK -> {
                return new CollectionParser(c, this).parseTuple();
            }
            case LBRACE -> {
                return new CollectionParser(c, this).parseObject();
            }
            default -> {
                int i = c.indexAt(0);
                if (t == TokenType.INVALID) {
                    throw c.error("Invalid character: " + c.describe(i) + " cannot be used here",
                            EXPR_DETAIL, i);
                }
                throw c.error("Invalid expression: expected the start of an expression, but found "
                        + c.describe(i), EXPR_DETAIL, i);
            }
        }
    }

    private Expr parseIdentifier() {
        int i = c.next();
        if (c.textEquals(i, "true")) return new LiteralExpr(Value.of(true), c.range(i));
        if (c.textEquals(i, "false")) return new LiteralExpr(Value.of(false), c.range(i));
        if (c.textEquals(i, "null")) return new LiteralExpr(Value.nil(), c.range(i));
        if (c.peek() == TokenType.LPAREN) return parseCall(c.text(i), i, i);
        if (c.peek() == TokenType.DOUBLECOLON) return parseNamespacedCall(i);
        return new ScopeTraversalExpr(c.text(i), List.of(), c.range(i));
    }

    /** {@code provider::ecs::name(...)}: a function name made of "::"-separated parts. */
    private Expr parseNamespacedCall(int first) {
        int last = first;
        StringBuilder name = new StringBuilder(c.text(first));
        while (c.peek() == TokenType.DOUBLECOLON) {
            c.next();
            last = c.expect(TokenType.IDENT, "Invalid function name: expected a name after \"::\"",
                    "A namespaced function is called as provider::NAME::FUNCTION(...).");
            name.append("::").append(c.text(last));
        }
        if (c.peek() != TokenType.LPAREN) {
            int i = c.indexAt(0);
            throw c.error("Missing function call: expected \"(\" after the function name "
                    + name + ", but found "
                    + c.describe(i), "A name with \"::\" is a function and must be called.", i);
        }
        return parseCall(name.toString(), first, last);
    }

    private Expr parseCall(String name, int nameIdx, int nameEnd) {
        c.next();
        c.pushNewlines(true);
        List<Expr> args = new ArrayList<>();
        boolean expand = false;
        while (c.peek() != TokenType.RPAREN) {
            args.add(parseExpression());
            if (c.peek() == TokenType.ELLIPSIS) {
                c.next();
                expand = true;
                if (c.peek() != TokenType.RPAREN) {
                    // HashiCorp's parser refuses even a trailing comma here.
                    int i = c.indexAt(0);
                    throw c.error("Missing closing parenthesis: an expanded argument (with \"...\") must be "
                            + "followed immediately by \")\", but found " + c.describe(i),
                            "Only the final argument may be expanded.", i);
                }
                break;
            }
            if (c.peek() == TokenType.COMMA) {
                c.next();
            } else if (c.peek() != TokenType.RPAREN) {
                int i = c.indexAt(0);
                throw c.error("Missing argument separator: expected \",\" or \")\" after a function argument, but found "
                        + c.describe(i), "Arguments to " + name + "() are separated by commas.", i);
            }
        }
        int close = c.next();
        c.popNewlines();
        return new FunctionCallExpr(name, args, expand, c.range(c.start(nameIdx), c.end(nameEnd)),
                c.range(c.start(nameIdx), c.end(close)));
    }
}
