package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.List;

/**
 * A static reference such as {@code var.region} or {@code ecs_service.web.tasks[0]}: a root
 * name followed by attribute and literal index steps. Dynamic indexes become {@link IndexExpr}
 * and splats {@link SplatExpr} around this node.
 */
public record ScopeTraversalExpr(String root, List<TraversalStep> steps, SourceRange range)
        implements Expr {
    public ScopeTraversalExpr {
        steps = List.copyOf(steps);
    }
}
