package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;

import java.util.List;

/**
 * What the parser produced and every problem it found. The file is always present (possibly
 * partial). {@code expression} is set only by {@link HclParser#parseExpression}.
 */
public record ParseResult(ConfigFile file, List<Diagnostic> diagnostics, Expr expression) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public ParseResult(ConfigFile file, List<Diagnostic> diagnostics) {
        this(file, diagnostics, null);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
