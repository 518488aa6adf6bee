package dev.berth.ecs.scheduler.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent parser for the ECS cluster query language:
 *
 * <pre>
 * expr       := and ( ("or" | "||") and )*
 * and        := unary ( ("and" | "&&") unary )*
 * unary      := ("not" | "!") unary | "(" expr ")" | comparison
 * comparison := SUBJECT OPERATOR [ VALUE | "[" VALUE ("," VALUE)* "]" ]
 * </pre>
 *
 * "and" binds tighter than "or", as in ECS. Errors carry the 1-based column of the offending token.
 */
public final class QueryParser {
    private static final Set<Operator> GROUP_OPERATORS = Set.of(Operator.EQUALS, Operator.NOT_EQUALS,
            Operator.IN, Operator.NOT_IN, Operator.MATCHES, Operator.NOT_MATCHES, Operator.EXISTS, Operator.NOT_EXISTS);

    private final List<Token> tokens;
    private int pos;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses the expression or throws {@link QueryException} with column and expectation. */
    public static Expr parse(String expression) {
        QueryParser p = new QueryParser(Lexer.tokenize(expression));
        if (p.peek().kind() == Token.Kind.END) throw p.error("an expression");
        Expr e = p.or();
        if (p.peek().kind() != Token.Kind.END) throw p.error("'and', 'or' or end of expression");
        return e;
    }

    private Expr or() {
        Expr left = and();
        while (isWord("or") || peek().kind() == Token.Kind.OR) {
            pos++;
            left = new Expr.Or(left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = unary();
        while (isWord("and") || peek().kind() == Token.Kind.AND) {
            pos++;
            left = new Expr.And(left, unary());
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.kind() == Token.Kind.NOT || (t.kind() == Token.Kind.WORD && t.text().equals("not"))) {
            pos++;
            return new Expr.Not(unary());
        }
        if (t.kind() == Token.Kind.LPAREN) {
            pos++;
            Expr inner = or();
            expect(Token.Kind.RPAREN, "')'");
            return inner;
        }
        return comparison();
    }

    private Expr comparison() {
        Token subjectToken = peek();
        Subject subject = subjectToken.kind() == Token.Kind.WORD ? Subject.of(subjectToken.text()) : null;
        if (subject == null) throw error(Subject.EXPECTED);
        pos++;
        String attribute = subject == Subject.ATTRIBUTE ? subjectToken.text().substring("attribute:".length()) : null;
        Token opToken = peek();
        Operator op = operator();
        if (subject == Subject.TASK_GROUP && !GROUP_OPERATORS.contains(op)) {
            throw new QueryException(opToken.column(), "an operator valid for task:group (==, !=, in, not in, =~, !~, exists, !exists)", opToken.describe());
        }
        List<String> args = new ArrayList<>();
        Pattern regex = null;
        if (op.takesList()) {
            args = list();
        } else if (!op.takesNoArgument()) {
            Token value = expect(Token.Kind.WORD, "a value");
            args.add(value.text());
            if (op == Operator.MATCHES || op == Operator.NOT_MATCHES) regex = compile(value);
        }
        return new Expr.Comparison(subject, attribute, op, args, regex);
    }

    /** Reads an operator, including the two-word spelling "not in". */
    private Operator operator() {
        Token t = peek();
        if (t.kind() == Token.Kind.WORD && t.text().equals("not")
                && tokens.get(pos + 1).kind() == Token.Kind.WORD && tokens.get(pos + 1).text().equals("in")) {
            pos += 2;
            return Operator.NOT_IN;
        }
        Operator op = (t.kind() == Token.Kind.OP || t.kind() == Token.Kind.WORD) ? Operator.lookup(t.text()) : null;
        if (op == null) throw error(Operator.EXPECTED);
        pos++;
        return op;
    }

    private List<String> list() {
        expect(Token.Kind.LBRACKET, "'[' starting a list of values");
        List<String> values = new ArrayList<>();
        if (peek().kind() == Token.Kind.RBRACKET) throw error("a value");
        values.add(expect(Token.Kind.WORD, "a value").text());
        while (peek().kind() == Token.Kind.COMMA) {
            pos++;
            values.add(expect(Token.Kind.WORD, "a value").text());
        }
        expect(Token.Kind.RBRACKET, "',' or ']'");
        return values;
    }

    private static Pattern compile(Token value) {
        try {
            return Pattern.compile(value.text());
        } catch (PatternSyntaxException e) {
            throw new QueryException(value.column(), "a Java regular expression (" + e.getDescription() + ")", value.describe());
        }
    }

    private Token expect(Token.Kind kind, String what) {
        if (peek().kind() != kind) throw error(what);
        return tokens.get(pos++);
    }

    private boolean isWord(String w) {
        return peek().kind() == Token.Kind.WORD && peek().text().equals(w);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private QueryException error(String expected) {
        return new QueryException(peek().column(), expected, peek().describe());
    }
}
