package dev.berth.engine.config;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.Optional;

/**
 * Evaluates the settings that must be known without any other object: descriptions, the
 * {@code sensitive} flag, lifecycle switches. A reference in them is an error.
 */
public final class StaticEvaluator {
    private final Evaluator evaluator;

    public StaticEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Value evaluate(Expr e, Diagnostics diags) {
        return evaluator.evaluate(e, (ref, d) -> {
            d.add(Diagnostic.error("Variables not allowed: \"" + ref.text() + "\" cannot be used here.",
                    "This setting must be a constant value.", ref.range()));
            return Value.unknown();
        }, diags);
    }

    public Optional<String> string(Expr e, String what, Diagnostics diags) {
        Value v = evaluate(e, diags).unmarked();
        if (v instanceof StringValue s) return Optional.of(s.value());
        if (!v.isNull() && v.isWhollyKnown()) {
            diags.error("Invalid value for " + what + ": a string is required, but found a " + v.typeName() + ".", "",
                    e.range());
        }
        return Optional.empty();
    }

    public boolean bool(Expr e, String what, Diagnostics diags) {
        Value v = evaluate(e, diags).unmarked();
        if (v instanceof BoolValue b) return b.value();
        if (!v.isNull() && v.isWhollyKnown()) {
            diags.error("Invalid value for " + what + ": a bool is required, but found a " + v.typeName() + ".", "",
                    e.range());
        }
        return false;
    }
}
