package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

/** An expression node. Every node knows the source range it was parsed from. */
public sealed interface Expr
        permits LiteralExpr, TemplateExpr, TemplateWrapExpr, ScopeTraversalExpr,
        RelativeTraversalExpr, IndexExpr, SplatExpr, FunctionCallExpr, ConditionalExpr,
        BinaryOpExpr, UnaryOpExpr, TupleConsExpr, ObjectConsExpr, ForExpr, ParenthesesExpr {
    SourceRange range();
}
