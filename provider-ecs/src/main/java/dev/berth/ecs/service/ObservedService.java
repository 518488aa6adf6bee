package dev.berth.ecs.service;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.store.TaskRow;

import java.util.List;

/**
 * A service as its engines run it: each RUNNING task joined with its containers, the containers
 * labelled for the service that no task knows (orphans), and its recent STOPPED rows.
 */
public record ObservedService(List<ObservedTask> tasks, List<ContainerInfo> orphans, List<TaskRow> stopped) {
    public ObservedService {
        tasks = List.copyOf(tasks);
        orphans = List.copyOf(orphans);
        stopped = List.copyOf(stopped);
    }

    /** The orphans' container names, in name order, as drift detection shows them. */
    public List<String> orphanNames() {
        return orphans.stream().map(ContainerInfo::name).sorted().toList();
    }
}
