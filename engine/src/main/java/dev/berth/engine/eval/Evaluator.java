package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.value.Value;

import java.nio.file.Path;

/**
 * Evaluates expressions to values. Unknown values propagate through every operation; results
 * computed from sensitive values are marked sensitive. Errors are reported as diagnostics at the
 * offending expression and evaluation continues with an unknown value, so one mistake does not
 * produce a cascade of follow-on errors. Never throws.
 */
public final class Evaluator {
    private final FunctionRegistry functions;
    private final Path baseDir;

    /** baseDir is where file() and templatefile() resolve relative paths. */
    public Evaluator(FunctionRegistry functions, Path baseDir) {
        this.functions = baseDir == null ? functions : functions.withFilesIn(baseDir);
        this.baseDir = baseDir;
    }

    public Value evaluate(Expr e, Scope scope, Diagnostics diags) {
        return new Evaluation(this, scope, diags, false).evalSafely(e, Locals.EMPTY);
    }

    FunctionRegistry functions() {
        return functions;
    }

    Path baseDir() {
        return baseDir;
    }
}
