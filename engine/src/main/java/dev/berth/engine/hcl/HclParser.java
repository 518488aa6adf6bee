package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the HCL native syntax front end. Never throws for bad input: every syntax
 * error becomes a diagnostic and the returned file holds whatever could be parsed.
 */
public final class HclParser {
    private HclParser() {
    }

    public static ParseResult parse(String path, String text) {
        return parse(path, text, true);
    }

    /** {@code pieces}: whether a large clean file may be parsed on every core ({@link ParallelBody}). */
    static ParseResult parse(String path, String text, boolean pieces) {
        List<Diagnostic> diags = new ArrayList<>();
        TokenCursor c = cursor(path, text, diags, false);
        if (pieces && diags.isEmpty()) {
            List<Block> blocks = ParallelBody.blocks(c);
            if (blocks != null) {
                return new ParseResult(new ConfigFile(path, new Body(List.of(), blocks, c.range(0, c.start(c.t.size - 1)))),
                        diags);
            }
        }
        Body body;
        try {
            body = new BodyParser(c, new ExpressionParser(c)).parseFile();
        } catch (StackOverflowError e) {
            diags.add(tooDeep(c));
            body = new Body(List.of(), List.of(), c.range(0, 0));
        }
        return new ParseResult(new ConfigFile(path, body), sorted(diags));
    }

    /** Whether a name is an HCL identifier (ID_Start, then ID_Continue or '-'), as block names must be. */
    public static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Lexer.isIdentStart(s.codePointAt(0))) return false;
        for (int i = Character.charCount(s.codePointAt(0)); i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            if (!Lexer.isIdentPart(s.codePointAt(i))) return false;
        }
        return true;
    }

    /** Lexer and parser report separately; users read diagnostics top to bottom. */
    private static List<Diagnostic> sorted(List<Diagnostic> diags) {
        diags.sort(java.util.Comparator.comparingInt(d -> d.range().startOffset()));
        return diags;
    }

    /** Parses a standalone expression; the result's {@code expression()} holds it. */
    public static ParseResult parseExpression(String path, String text) {
        List<Diagnostic> diags = new ArrayList<>();
        TokenCursor c = cursor(path, text, diags, false);
        c.pushNewlines(true);
        Expr e = null;
        try {
            e = new ExpressionParser(c).parseExpression();
            if (c.peek() != TokenType.EOF) {
                int i = c.indexAt(0);
                throw c.error("Extra characters after expression: expected the end of the input, but found "
                        + c.describe(i), "", i);
            }
        } catch (ParseError err) {
            diags.add(err.diagnostic);
        } catch (StackOverflowError err) {
            diags.add(tooDeep(c));
        }
        return result(path, c, e, diags);
    }

    /** Parses a whole text as a template, as templatefile() does. */
    public static ParseResult parseTemplate(String path, String text) {
        List<Diagnostic> diags = new ArrayList<>();
        TokenCursor c = cursor(path, text, diags, true);
        Expr e = null;
        try {
            e = new ExpressionParser(c).templates().parseFileTemplate();
        } catch (ParseError err) {
            diags.add(err.diagnostic);
        } catch (StackOverflowError err) {
            diags.add(tooDeep(c));
        }
        return result(path, c, e, diags);
    }

    /** Pathologically deep nesting must still end in a diagnostic, not an exception. */
    private static Diagnostic tooDeep(TokenCursor c) {
        return Diagnostic.error("Nesting too deep: brackets or blocks are nested beyond what can be parsed",
                "Reduce the nesting depth of this file.", c.range(Math.min(c.pos, c.t.size - 1)));
    }

    private static ParseResult result(String path, TokenCursor c, Expr e, List<Diagnostic> diags) {
        List<Attribute> attrs = new ArrayList<>();
        if (e != null) attrs.add(new Attribute("", e, e.range(), e.range()));
        Body body = new Body(attrs, List.of(), c.range(0, c.start(c.t.size - 1)));
        return new ParseResult(new ConfigFile(path, body), sorted(diags), e);
    }

    private static TokenCursor cursor(String path, String text, List<Diagnostic> diags, boolean template) {
        // The text itself, not a copy in a char[]: 85 MB for a 42 MB file, garbage once parsed.
        LineIndex lines = new LineIndex(path, text);
        Lexer lexer = new Lexer(text, lines, diags);
        Tokens tokens = template ? lexer.lexTemplate() : lexer.lex();
        return new TokenCursor(tokens, text, lines, diags);
    }
}
