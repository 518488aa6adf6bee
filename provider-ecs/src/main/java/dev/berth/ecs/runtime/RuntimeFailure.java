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
        /** ECS's error name for a container whose image could not be had, as its stopped task shows it. */
        public static final String ECS_ERROR = "CannotPullContainerError";
        private final String image;

        /** {@code image}: the reference that is missing, as the container names it or as it was resolved. */
        public ImageMissing(String message, String image) {
            super(message, null);
            this.image = image;
        }

        public String image() {
            return image;
        }

        /** ECS's reason on the container: its error name, then this sentence. */
        public String containerReason() {
            return ECS_ERROR + ": " + getMessage();
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
        private final String container;
        private final Integer exitCode;
        private final boolean oomKilled;

        public ExitedAtStart(String message) {
            this(message, null, null);
        }

        /** {@code container} the task's container that exited and its exit code (null when not known). */
        public ExitedAtStart(String message, String container, Integer exitCode) {
            this(message, container, exitCode, false);
        }

        /** {@code oomKilled}: the kernel killed it for exceeding its memory limit. */
        public ExitedAtStart(String message, String container, Integer exitCode, boolean oomKilled) {
            super(message, null);
            this.container = container;
            this.exitCode = exitCode;
            this.oomKilled = oomKilled;
        }

        /** ECS's reason for the container: the OOM words when the kernel killed it, else this sentence. */
        public String reason() {
            return oomKilled ? ContainerInfo.OOM_REASON : getMessage();
        }

        public String container() {
            return container;
        }

        public Integer exitCode() {
            return exitCode;
        }
    }
}
