package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.functions.Function;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.FunctionCallExpr;
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

    /**
     * Whether {@code e}'s value follows from the values its references resolve to, so that the
     * same values give the same result: every function it calls answers from its arguments alone.
     * Not file and templatefile (they read files), not templatestring (its template, a value, may
     * call anything), not a provider's functions.
     */
    public boolean followsFromReferences(Expr e) {
        for (FunctionCallExpr call : References.calls(e)) {
            String name = call.name().startsWith("core::") ? call.name().substring("core::".length()) : call.name();
            if (name.equals("can") || name.equals("try")) continue; // their arguments are walked as calls too
            if (FunctionCalls.SPECIAL_FORMS.contains(name) || name.contains("::")) return false;
            if (!functions.lookup(name).map(Function::answersFromArguments).orElse(false)) return false;
        }
        return true;
    }

    FunctionRegistry functions() {
        return functions;
    }

    Path baseDir() {
        return baseDir;
    }
}
