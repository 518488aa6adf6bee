package dev.berth.ecs.sigv4;

/** Why a request is not let in: AWS's error name, its HTTP status and its message. */
public record Refusal(String errorName, int status, String message) {
    public static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
    public static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
    public static final String INVALID_SIGNATURE = "InvalidSignatureException";
    public static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";

    /** ECS (a JSON-protocol service) answers every authentication failure with HTTP 400. */
    static Refusal of(String name, String message) {
        return new Refusal(name, 400, message);
    }
}
