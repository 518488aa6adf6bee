package dev.berth.cli.view;

import java.time.Instant;

/**
 * How {@code berth logs} prints: one line per line a container wrote, as {@code aws logs tail}
 * does (time, where, message), with the container's name and its task's id in place of the
 * whole stream name, so the lines of several tasks of a service can be told apart.
 */
public final class LogLinesView {
    private static final int TASK_ID_CHARS = 8;

    private LogLinesView() {
    }

    public static String line(Instant time, String container, String taskId, String text) {
        return time + " " + container + "/" + shortId(taskId) + " " + text;
    }

    /** Said once per container whose output berth does not keep (Docker's own driver has it). */
    public static String notKept(String container, String taskId, String driver, String runtimeId) {
        if ("awsfirelens".equals(driver)) {
            return "# " + container + "/" + shortId(taskId) + " sends its output to the task's FireLens log router; "
                    + "what the router does with it follows the router's outputs and its own log configuration "
                    + "(berth logs ... --container ROUTER).";
        }
        String where = driver == null ? "the engine's default log driver" : "the " + driver + " log driver";
        return "# " + container + "/" + shortId(taskId) + " logs with " + where + "; berth keeps no copy"
                + (runtimeId == null ? "." : " (docker logs " + runtimeId.substring(0, Math.min(12, runtimeId.length())) + ").");
    }

    private static String shortId(String taskId) {
        return taskId.length() > TASK_ID_CHARS ? taskId.substring(0, TASK_ID_CHARS) : taskId;
    }
}
