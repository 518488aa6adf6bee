package dev.berth.engine.diag;

/**
 * One problem found in configuration, state or while talking to a provider. A diagnostic is what
 * the user sees instead of a stack trace: a one-line summary, an optional detail paragraph and,
 * when it comes from configuration, the range it points at.
 */
public record Diagnostic(Severity severity, String summary, String detail, SourceRange range) {

    public static Diagnostic error(String summary, String detail, SourceRange range) {
        return new Diagnostic(Severity.ERROR, summary, detail == null ? "" : detail,
                range == null ? SourceRange.NONE : range);
    }

    public static Diagnostic error(String summary) {
        return error(summary, "", SourceRange.NONE);
    }

    public static Diagnostic warning(String summary, String detail, SourceRange range) {
        return new Diagnostic(Severity.WARNING, summary, detail == null ? "" : detail,
                range == null ? SourceRange.NONE : range);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
