package dev.berth.engine.fuzz;

import dev.berth.engine.diag.Diagnostic;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The properties every fuzz target holds its code to. A fuzz target lets berth's own error
 * types through and fails on anything else, which Jazzer then reports as a finding with the
 * input that caused it.
 */
public final class HostileInput {
    /**
     * Per input; far above what any input of the fuzzer's size needs, far below a CI timeout. The
     * fuzz tests run it in a separate thread, so a hang fails the replay instead of stopping it;
     * Jazzer turns the same value into libFuzzer's -timeout while fuzzing. (It was 10 s: the
     * backtracking-regex finding runs the regex functions' whole read budget, 5.7 s in CI's replay
     * with the JVM still cold, and went over 10 s with a third build beside CI's two passes.)
     */
    public static final long SECONDS_PER_INPUT = 30;

    private HostileInput() {
    }

    /** Fuzzer bytes as text: invalid UTF-8 becomes U+FFFD, as reading a file with errors replaced would. */
    public static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /**
     * Every error that came from configuration text names where it is (file:line:column), and
     * none is the evaluator's safety net for an exception it did not expect.
     */
    public static void requirePositions(List<Diagnostic> diagnostics, String what) {
        for (Diagnostic d : diagnostics) {
            if (d.summary().startsWith("Internal error")) {
                throw new AssertionError(what + " hit an internal error: " + d.summary() + ": " + d.detail());
            }
            if (d.isError() && !d.range().isKnown()) {
                throw new AssertionError(what + " reported an error without a position: " + d.summary());
            }
        }
    }

    /** A message a user reads: one or more sentences, never a Java exception's own rendering. */
    public static void requireReadable(String message, String what) {
        if (message == null || message.isBlank()) throw new AssertionError(what + " gave an empty message");
        if (message.contains("\tat ") || message.matches("(?s).*\\b(java|com|dev)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b.*")) {
            throw new AssertionError(what + " shows Java internals to the user: " + message);
        }
    }
}
