package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;

import java.util.List;
import java.util.Map;

/**
 * What one engine runs for berth at one moment: the containers (listed, and inspected when they
 * belong to this store's services) and how often each was started again after its task was
 * recorded, with the task rows they were matched against. Immutable, so every service of a refresh can read the same one.
 */
record EngineView(List<ContainerInfo> containers, Map<String, Integer> restarts,
                  Map<String, List<TaskRow>> runningRows) {

    EngineView {
        containers = List.copyOf(containers);
        restarts = Map.copyOf(restarts);
        runningRows = Map.copyOf(runningRows);
    }

    /**
     * The service's RUNNING task rows as read with the containers: reading them once per view
     * instead of once per service keeps a refresh linear in the number of services.
     */
    List<TaskRow> rowsOf(String serviceArn) {
        return runningRows.getOrDefault(serviceArn, List.of());
    }

    List<ContainerInfo> forService(String serviceArn) {
        return containers.stream().filter(c -> serviceArn.equals(c.labels().get(EcsLabels.SERVICE))).toList();
    }

    int restartsOf(String containerId) {
        return restarts.getOrDefault(containerId, 0);
    }
}
