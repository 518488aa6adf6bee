package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;

/**
 * Unwinds the recursive-descent parser to the nearest body item so it can record the diagnostic
 * and resynchronise. Never escapes {@link HclParser}.
 */
final class ParseError extends RuntimeException {
    final transient Diagnostic diagnostic;
    final int tokenIndex;

    ParseError(Diagnostic diagnostic, int tokenIndex) {
        super(diagnostic.summary(), null, false, false);
        this.diagnostic = diagnostic;
        this.tokenIndex = tokenIndex;
    }
}
