package dev.berth.ecs.agent;

/** What one container event means for its task: nothing, or the task stopped for a reason. */
public record Verdict(boolean stops, String stopCode, String stoppedReason) {
    public static final Verdict NONE = new Verdict(false, null, null);

    public static Verdict stopped(String code, String reason) {
        return new Verdict(true, code, reason);
    }
}
