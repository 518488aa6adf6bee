package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.List;

/** {@code name(args...)}; expandFinal when the last argument is followed by {@code ...}. */
public record FunctionCallExpr(String name, List<Expr> args, boolean expandFinal,
                               SourceRange nameRange, SourceRange range) implements Expr {
    public FunctionCallExpr {
        args = List.copyOf(args);
    }
}
