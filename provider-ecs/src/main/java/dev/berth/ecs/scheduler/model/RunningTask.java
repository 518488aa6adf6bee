package dev.berth.ecs.scheduler.model;

import java.util.List;

/**
 * A task already on an instance. {@code startedAt} is a logical order (larger is newer), which is
 * all scale-in needs; wall-clock time would make plans depend on when they are computed.
 */
public record RunningTask(String taskId, String group, String taskDefinition, int cpu, int memory,
                          List<HostPort> hostPorts, long startedAt) {
    public RunningTask {
        hostPorts = List.copyOf(hostPorts);
    }

    /** The family part of the task definition ("web" for "arn:...:task-definition/web:3" or "web:3"). */
    public String family() {
        String td = taskDefinition;
        int slash = td.lastIndexOf('/');
        if (slash >= 0) td = td.substring(slash + 1);
        int colon = td.indexOf(':');
        return colon >= 0 ? td.substring(0, colon) : td;
    }
}
