package dev.berth.engine.config;

import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.hcl.Expr;

/** One named value of a {@code locals} block. */
public record LocalConfig(String name, Expr expr, SourceRange range) {
}
