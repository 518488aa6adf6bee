package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.List;

/** One piece of a template, with strip markers already applied to neighbouring literals. */
public sealed interface TemplatePart {
    SourceRange range();

    record Literal(String text, SourceRange range) implements TemplatePart {
    }

    /** {@code ${expr}}. */
    record Interpolation(Expr expr, SourceRange range) implements TemplatePart {
    }

    /** {@code %{ if cond }...%{ else }...%{ endif }}; elseParts is empty without else. */
    record If(Expr condition, List<TemplatePart> thenParts, List<TemplatePart> elseParts,
              SourceRange range) implements TemplatePart {
        public If {
            thenParts = List.copyOf(thenParts);
            elseParts = List.copyOf(elseParts);
        }
    }

    /** {@code %{ for k, v in coll }...%{ endfor }}; keyVar is null with a single variable. */
    record For(String keyVar, String valueVar, Expr collection, List<TemplatePart> body,
               SourceRange range) implements TemplatePart {
        public For {
            body = List.copyOf(body);
        }
    }
}
