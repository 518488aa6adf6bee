package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

/** {@code name = expr}; range covers the whole definition, nameRange just the name. */
public record Attribute(String name, Expr expr, SourceRange range, SourceRange nameRange) {
}
