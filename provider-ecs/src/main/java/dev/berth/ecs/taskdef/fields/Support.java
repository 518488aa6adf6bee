package dev.berth.ecs.taskdef.fields;

/**
 * Whether berth honours a field. A field ECS knows but berth does not (yet) honour is refused
 * with a sentence naming it, never accepted and dropped: a task definition must mean on berth
 * what it means on ECS.
 */
public record Support(State state, String reason) {
    public enum State { SUPPORTED, PENDING, REFUSED }

    public static final Support SUPPORTED = new Support(State.SUPPORTED, null);
    public static final Support PENDING = new Support(State.PENDING, null);

    public static Support refused(String reason) {
        return new Support(State.REFUSED, reason);
    }

    public boolean supported() {
        return state == State.SUPPORTED;
    }

    /** The sentence a use of the field gets, {@code owner} naming where it was used. */
    public String refusal(String owner, String field) {
        return switch (state) {
            case SUPPORTED -> null;
            case PENDING -> owner + ": berth does not honour " + field + " yet.";
            case REFUSED -> owner + ": berth cannot honour " + field + ": " + reason;
        };
    }
}
