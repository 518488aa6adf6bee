package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses bodies: attributes and blocks separated by newlines. A syntax error inside one item is
 * recorded and the parser skips to the end of that item, so every broken line of a file is
 * reported in a single run.
 */
final class BodyParser {
    private final TokenCursor c;
    private final ExpressionParser exprs;

    BodyParser(TokenCursor c, ExpressionParser exprs) {
        this.c = c;
        this.exprs = exprs;
    }

    Body parseFile() {
        c.pushNewlines(false);
        List<Attribute> attrs = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        parseItems(attrs, blocks, null, -1);
        return new Body(attrs, blocks, c.range(0, c.start(c.t.size - 1)));
    }

    /** The items of a file, without the file's body around them (a piece of a file: {@link ParallelBody}). */
    void parseTopLevel(List<Attribute> attrs, List<Block> blocks) {
        c.pushNewlines(false);
        parseItems(attrs, blocks, null, -1);
    }

    /**
     * Reads items until the closing brace of the enclosing block (left unconsumed) or end of
     * file. blockType is null at top level.
     */
    private void parseItems(List<Attribute> attrs, List<Block> blocks, String blockType, int openBrace) {
        Map<String, Attribute> seen = new HashMap<>();
        while (true) {
            TokenType t = c.peek();
            if (t == TokenType.NEWLINE) {
                c.next();
            } else if (t == TokenType.EOF) {
                // An unclosed heredoc swallowed the rest of the file; the lexer already said so.
                if (blockType != null && !c.endsInUnclosedHeredoc()) {
                    c.report("Missing closing brace: the block \"" + blockType + "\" opened at line "
                                    + c.range(openBrace).line() + " has no matching \"}\"",
                            "Add a \"}\" to close the block; the file ended before it was closed.",
                            c.range(openBrace));
                }
                return;
            } else if (t == TokenType.RBRACE) {
                if (blockType != null) return;
                int i = c.next();
                c.report("Unexpected \"}\": there is no open block to close",
                        "Remove this brace, or check for a block that was closed too early.", c.range(i));
            } else {
                int start = c.pos;
                int depth = c.modeDepth();
                try {
                    parseItem(attrs, blocks, seen);
                } catch (ParseError e) {
                    c.diags.add(e.diagnostic);
                    c.resetModeDepth(depth);
                    recover(start, e.tokenIndex);
                }
            }
        }
    }

    private Attribute parseAttribute(int name) {
        c.next();
        Expr e = exprs.parseExpression();
        return new Attribute(c.text(name), e, c.range(c.start(name), e.range().endOffset()), c.range(name));
    }

    private void parseItem(List<Attribute> attrs, List<Block> blocks, Map<String, Attribute> seen) {
        if (c.peek() != TokenType.IDENT) {
            int i = c.indexAt(0);
            throw c.error("Invalid argument or block definition: expected an argument name or block type, but found "
                    + c.describe(i), "Each line of a body is either name = value or a block: type \"label\" { ... }.", i);
        }
        int name = c.next();
        TokenType t = c.peek();
        if (t == TokenType.EQUAL) {
            Attribute a = parseAttribute(name);
            endOfItem("argument");
            Attribute prev = seen.putIfAbsent(a.name(), a);
            if (prev != null) {
                c.report("Attribute redefined: the argument \"" + a.name() + "\" was already set at line "
                                + prev.nameRange().line(),
                        "Each argument may be set only once in a block; remove one of the definitions.", a.nameRange());
            } else {
                attrs.add(a);
            }
        } else if (t == TokenType.LBRACE || t == TokenType.IDENT || t == TokenType.OQUOTE) {
            blocks.add(parseBlock(name));
            endOfItem("block definition");
        } else {
            int i = c.indexAt(0);
            throw c.error("Invalid argument or block definition: expected \"=\" or a block body after \""
                    + c.text(name) + "\", but found " + c.describe(i),
                    "Write " + c.text(name) + " = value to set an argument, or " + c.text(name)
                            + " { ... } to open a block.", i);
        }
    }

    private Block parseBlock(int typeIdx) {
        String type = c.text(typeIdx);
        List<String> labels = new ArrayList<>();
        List<SourceRange> labelRanges = new ArrayList<>();
        while (c.peek() != TokenType.LBRACE) {
            TokenType t = c.peek();
            if (t == TokenType.IDENT) {
                int i = c.next();
                labels.add(c.text(i));
                labelRanges.add(c.range(i));
            } else if (t == TokenType.OQUOTE) {
                Expr label = exprs.templates().parseQuoted();
                if (!(label instanceof TemplateExpr te) || te.staticText().isEmpty()) {
                    throw new ParseError(dev.berth.engine.diag.Diagnostic.error(
                            "Invalid block label: labels must be plain strings without interpolation", "",
                            label.range()), c.pos);
                }
                labels.add(te.staticText().get());
                labelRanges.add(label.range());
            } else {
                int i = c.indexAt(0);
                throw c.error("Invalid block definition: expected a label or \"{\" to open the \"" + type
                        + "\" block, but found " + c.describe(i), "A block is written type \"label\" { ... }.", i);
            }
        }
        int open = c.next();
        List<Attribute> attrs = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        TokenType first = c.peek();
        if (first != TokenType.NEWLINE && first != TokenType.RBRACE && first != TokenType.EOF) {
            attrs.add(parseSingleLineBody(type));
        } else {
            parseItems(attrs, blocks, type, open);
        }
        int close = c.peek() == TokenType.RBRACE ? c.next() : c.indexAt(0);
        Body body = new Body(attrs, blocks, c.range(c.start(open), c.end(close)));
        return new Block(type, labels, body, c.range(c.start(typeIdx), c.end(close)), c.range(typeIdx), labelRanges);
    }

    /**
     * {@code type { name = value }} on one line holds exactly one argument and closes on that
     * line; HashiCorp's parser refuses a nested block or a second item there, so berth does too.
     */
    private Attribute parseSingleLineBody(String type) {
        if (c.peek() != TokenType.IDENT || c.peekAt(1) != TokenType.EQUAL) {
            int i = c.indexAt(0);
            throw c.error("Argument definition required: a block written on one line (\"" + type
                    + "\") can hold only a single argument, but found " + c.describe(i),
                    "To define a nested block, place it on a line of its own within its parent block.", i);
        }
        Attribute a = parseAttribute(c.next());
        if (c.peek() != TokenType.RBRACE) {
            int i = c.indexAt(0);
            throw c.error("Invalid single-argument block definition: expected \"}\" right after the argument, but found "
                    + c.describe(i), "A block written on one line holds one argument and is closed on that line; "
                    + "use one line per argument otherwise.", i);
        }
        return a;
    }

    private void endOfItem(String what) {
        TokenType t = c.peek();
        if (t == TokenType.NEWLINE || t == TokenType.EOF) return;
        int i = c.indexAt(0);
        throw c.error("Missing newline after " + what + ": expected the end of the line, but found "
                + c.describe(i), "Each argument and block must end with a newline.", i);
    }

    /**
     * Skips the rest of a broken item: up to the first newline after the error that is not
     * inside brackets opened by the item, or up to a "}" that closes the enclosing block.
     */
    private void recover(int from, int errorIndex) {
        int depth = 0;
        int braces = 0;
        int i = from;
        Tokens t = c.t;
        while (true) {
            TokenType type = t.type(i);
            if (type == TokenType.EOF) break;
            boolean pastError = i >= errorIndex;
            if (pastError && type == TokenType.NEWLINE && depth <= 0) break;
            if (pastError && type == TokenType.RBRACE && braces <= 0) break;
            switch (type) {
                case LBRACE -> {
                    depth++;
                    braces++;
                }
                case RBRACE -> {
                    depth--;
                    braces--;
                }
                case LBRACK, LPAREN, TEMPLATE_INTERP, TEMPLATE_CONTROL -> depth++;
                case RBRACK, RPAREN, TEMPLATE_SEQ_END -> depth--;
                default -> {
                }
            }
            i++;
        }
        c.pos = i;
    }
}
