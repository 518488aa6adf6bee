package dev.berth.engine.config;

import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Expr;

import java.util.List;

/** A {@code variable} block. Expressions are kept unevaluated; type and default are optional. */
public record VariableConfig(String name, Expr type, Expr defaultValue, String description, boolean sensitive,
                             boolean nullable, List<Block> validations, SourceRange range) {
}
