package dev.berth.ecs.runtime;

import java.util.Map;

/**
 * ECS's one rule for how long a task lives, in one place: a task runs while every essential
 * container runs, and the end of an essential container (an exit, a kill, a removal) ends the
 * task; a container marked {@code essential = false} may end without harming it. A container
 * the task does not list counts as essential, ECS's default. The starter, the control plane's
 * task observer, the service's observed tasks and the agent's event judge all ask this class.
 */
public final class TaskLife {
    private TaskLife() {
    }

    /** Whether the end of a container whose essential flag is {@code essential} (null: not listed) ends its task. */
    public static boolean endsTask(Boolean essential) {
        return essential == null || essential;
    }

    /**
     * Whether a task runs on what its engine shows: some container runs, every container that
     * counts as essential runs, and none is missing. {@code essentialByName} is what the task
     * records; {@code liveRunningByName} is every container the engine shows (true: running).
     */
    public static boolean runs(Map<String, Boolean> essentialByName, Map<String, Boolean> liveRunningByName) {
        if (!liveRunningByName.containsValue(Boolean.TRUE)) return false;
        for (Map.Entry<String, Boolean> c : essentialByName.entrySet()) {
            if (endsTask(c.getValue()) && !Boolean.TRUE.equals(liveRunningByName.get(c.getKey()))) return false;
        }
        for (Map.Entry<String, Boolean> live : liveRunningByName.entrySet()) {
            if (!essentialByName.containsKey(live.getKey()) && !live.getValue()) return false;
        }
        return true;
    }
}
