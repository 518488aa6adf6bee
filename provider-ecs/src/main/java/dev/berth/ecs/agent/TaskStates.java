package dev.berth.ecs.agent;

import java.util.List;

/**
 * ECS's task lifecycle as far as berth records it: PROVISIONING, PENDING, RUNNING, STOPPED.
 * A task only moves forward; STOPPED is final, so a late or replayed event can never bring a
 * replaced task back.
 */
public final class TaskStates {
    public static final List<String> ORDER = List.of("PROVISIONING", "PENDING", "RUNNING", "STOPPED");

    private TaskStates() {
    }

    /** Whether a row in state {@code from} may be recorded as {@code to}. */
    public static boolean canMove(String from, String to) {
        int a = ORDER.indexOf(from), b = ORDER.indexOf(to);
        if (b < 0) return false;
        if (a < 0) return true;
        return b > a;
    }
}
