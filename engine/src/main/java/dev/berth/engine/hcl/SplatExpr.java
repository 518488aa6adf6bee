package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.List;

/**
 * {@code source[*].a.b} (full splat) or {@code source.*.a} (legacy attribute-only splat): the
 * {@code each} steps are applied to every element. Index keys in {@code each} may be dynamic.
 */
public record SplatExpr(Expr source, List<TraversalStep> each, boolean legacy, SourceRange range)
        implements Expr {
    public SplatExpr {
        each = List.copyOf(each);
    }
}
