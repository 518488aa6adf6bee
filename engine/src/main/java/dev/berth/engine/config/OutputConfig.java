package dev.berth.engine.config;

import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.hcl.Expr;

import java.util.List;

/** An {@code output} block. */
public record OutputConfig(String name, Expr value, String description, boolean sensitive, List<Expr> dependsOn,
                           SourceRange range) {
}
