package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

/** One step of a traversal: {@code .name}, or {@code [key]} / legacy {@code .0}. */
public sealed interface TraversalStep {
    SourceRange range();

    record Attr(String name, SourceRange range) implements TraversalStep {
    }

    /** In scope and relative traversals the key is always a {@link LiteralExpr}. */
    record Index(Expr key, SourceRange range) implements TraversalStep {
    }
}
