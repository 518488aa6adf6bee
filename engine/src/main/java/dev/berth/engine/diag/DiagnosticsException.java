package dev.berth.engine.diag;

import java.util.List;

/** Carries diagnostics up to the command that renders them; never shown as a stack trace. */
public final class DiagnosticsException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public DiagnosticsException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).summary(), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public DiagnosticsException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
