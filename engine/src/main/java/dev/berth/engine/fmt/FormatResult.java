package dev.berth.engine.fmt;

import dev.berth.engine.diag.Diagnostic;

import java.util.List;

/** The formatted text, or (when the file has syntax errors) the diagnostics and no text. */
public record FormatResult(String text, List<Diagnostic> diagnostics) {
    public FormatResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return text != null;
    }
}
