package dev.berth.ecs.secret;

/**
 * A secret that cannot be had, said in one sentence that names the reference and never a value.
 * {@link #stoppedReason()} is what ECS writes as a task's stopped reason for the same failure.
 */
public final class SecretException extends RuntimeException {
    /** ECS's prefix when a task's secrets cannot be fetched before its containers start. */
    public static final String ECS_PREFIX =
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ";

    private final String stoppedReason;

    SecretException(String message, String ecsDetail) {
        super(message, null, false, false);
        this.stoppedReason = ECS_PREFIX + ecsDetail;
    }

    /** The store file could not be used: the message already names the file. */
    SecretException(String message, Throwable cause) {
        super(message, cause, false, false);
        this.stoppedReason = ECS_PREFIX + "unable to read berth's secret store: " + message;
    }

    public String stoppedReason() {
        return stoppedReason;
    }
}
