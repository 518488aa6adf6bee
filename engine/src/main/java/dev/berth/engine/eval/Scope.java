package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.value.Value;

/**
 * Supplies the values of referenced objects. For a resource the scope returns the whole
 * resource object (or the list/map of instance objects under count/for_each); the evaluator
 * applies the rest of the traversal itself. When the reference cannot be resolved the scope adds
 * a diagnostic and returns {@link Value#unknown()}.
 */
@FunctionalInterface
public interface Scope {
    Value resolve(Reference ref, Diagnostics diags);
}
