package dev.berth.ecs.runtime;

/** A container engine failure, said in one sentence. Subtypes let callers react to the kind. */
public class RuntimeFailure extends RuntimeException {
    public RuntimeFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The engine does not answer at its endpoint. */
    public static final class Unreachable extends RuntimeFailure {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The image is not present on the engine (and nothing is pulled). */
    public static final class ImageMissing extends RuntimeFailure {
        public ImageMissing(String message) {
            super(message, null);
        }
    }

    /** A requested host port is already taken. */
    public static final class PortConflict extends RuntimeFailure {
        public PortConflict(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An essential container stopped right after it started. */
    public static final class ExitedAtStart extends RuntimeFailure {
        public ExitedAtStart(String message) {
            super(message, null);
        }
    }
}
