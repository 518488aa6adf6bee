package dev.berth.engine.functions;

/** A bad call: wrong argument count, type or value. The evaluator turns it into a diagnostic. */
public final class FunctionException extends RuntimeException {
    private final int argIndex;

    /** A problem with the call as a whole. */
    public FunctionException(String message) {
        this(-1, message);
    }

    /** A problem with one argument, 0-based, so the diagnostic can point at it. */
    public FunctionException(int argIndex, String message) {
        super(message, null, false, false);
        this.argIndex = argIndex;
    }

    public int argIndex() {
        return argIndex;
    }
}
