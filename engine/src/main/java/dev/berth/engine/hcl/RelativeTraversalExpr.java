package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.List;

/** Static steps applied to the result of any expression, e.g. {@code f(x).a[0]}. */
public record RelativeTraversalExpr(Expr source, List<TraversalStep> steps, SourceRange range)
        implements Expr {
    public RelativeTraversalExpr {
        steps = List.copyOf(steps);
    }
}
