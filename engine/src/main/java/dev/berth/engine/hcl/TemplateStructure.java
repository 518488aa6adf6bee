package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.ArrayList;
import java.util.List;

/** Folds a flat template into nested if/for parts, merging adjacent literal text. */
final class TemplateStructure {
    private final TokenCursor c;
    private final List<FlatPart> flat;
    private int i;

    TemplateStructure(TokenCursor c, List<FlatPart> flat) {
        this.c = c;
        this.flat = flat;
    }

    List<TemplatePart> parts() {
        List<TemplatePart> out = sequence();
        if (i < flat.size()) {
            FlatPart.Directive d = (FlatPart.Directive) flat.get(i);
            throw unexpected(d);
        }
        return out;
    }

    /** Reads parts until end of input or a directive that closes or splits the caller's block. */
    private List<TemplatePart> sequence() {
        List<TemplatePart> out = new ArrayList<>(4);
        while (i < flat.size()) {
            FlatPart p = flat.get(i);
            if (p instanceof FlatPart.Lit) {
                literalRun(out);
                continue;
            }
            if (p instanceof FlatPart.Interp in) {
                i++;
                out.add(new TemplatePart.Interpolation(in.expr(), in.range()));
            } else {
                FlatPart.Directive d = (FlatPart.Directive) p;
                switch (d.kind()) {
                    case "if" -> out.add(ifPart(d));
                    case "for" -> out.add(forPart(d));
                    default -> {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    /** Merges consecutive literals (heredocs have one per line) into one part. */
    private void literalRun(List<TemplatePart> out) {
        FlatPart.Lit first = (FlatPart.Lit) flat.get(i++);
        FlatPart.Lit last = first;
        StringBuilder sb = null;
        while (i < flat.size() && flat.get(i) instanceof FlatPart.Lit next) {
            if (sb == null) sb = new StringBuilder(first.text);
            sb.append(next.text);
            last = next;
            i++;
        }
        String text = sb == null ? first.text : sb.toString();
        if (text.isEmpty()) return;
        SourceRange range = first == last ? first.range() : SourceRange.between(first.range(), last.range());
        out.add(new TemplatePart.Literal(text, range));
    }

    private TemplatePart ifPart(FlatPart.Directive open) {
        i++;
        List<TemplatePart> thenParts = sequence();
        List<TemplatePart> elseParts = List.of();
        FlatPart.Directive d = closer(open, "endif");
        if (d.kind().equals("else")) {
            i++;
            elseParts = sequence();
            d = closer(open, "endif");
        }
        if (!d.kind().equals("endif")) throw unexpected(d);
        i++;
        return new TemplatePart.If(open.expr(), thenParts, elseParts, SourceRange.between(open.range(), d.range()));
    }

    private TemplatePart forPart(FlatPart.Directive open) {
        i++;
        List<TemplatePart> body = sequence();
        FlatPart.Directive d = closer(open, "endfor");
        if (!d.kind().equals("endfor")) throw unexpected(d);
        i++;
        return new TemplatePart.For(open.keyVar(), open.valueVar(), open.expr(), body,
                SourceRange.between(open.range(), d.range()));
    }

    private FlatPart.Directive closer(FlatPart.Directive open, String expected) {
        if (i >= flat.size()) {
            throw new ParseError(dev.berth.engine.diag.Diagnostic.error(
                    "Unterminated template " + open.kind() + ": expected %{ " + expected + " } to close it",
                    "The %{ " + open.kind() + " } directive opened here has no matching %{ " + expected + " }.",
                    open.range()), c.pos);
        }
        return (FlatPart.Directive) flat.get(i);
    }

    private ParseError unexpected(FlatPart.Directive d) {
        String summary = switch (d.kind()) {
            case "else" -> "Unexpected else directive: there is no open %{ if } to attach it to";
            case "endif" -> "Unexpected endif directive: there is no open %{ if } to close";
            case "endfor" -> "Unexpected endfor directive: there is no open %{ for } to close";
            default -> "Unexpected " + d.kind() + " directive";
        };
        return new ParseError(dev.berth.engine.diag.Diagnostic.error(summary, "", d.range()), c.pos);
    }
}
