package dev.berth.ecs.service;

import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.PublishedPort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A task as recorded, joined with its live containers. It runs when every essential container
 * does; a container killed or removed behind berth's back makes the task not running.
 */
public record ObservedTask(TaskRow row, boolean running, Map<String, String> endpoints) {

    public ObservedTask {
        endpoints = new TreeMap<>(endpoints);
    }

    public String arn() {
        return row.taskArn();
    }

    /** Joins the service's RUNNING rows with the containers from one list call, oldest task first. */
    public static List<ObservedTask> observe(List<TaskRow> rows, List<ContainerInfo> containers) {
        Map<String, List<ContainerInfo>> byTask = byTask(containers);
        List<ObservedTask> out = new ArrayList<>();
        for (TaskRow row : rows) {
            if (!row.running()) continue;
            List<ContainerInfo> live = byTask.getOrDefault(row.taskArn(), List.of());
            boolean running = runs(row, live);
            out.add(new ObservedTask(row, running, running ? endpoints(live) : Map.of()));
        }
        out.sort(Comparator.comparingLong((ObservedTask t) -> t.row.seq()).thenComparing(ObservedTask::arn));
        return out;
    }

    /** Task ARNs that have containers but no RUNNING row: leftovers of an interrupted apply. */
    public static Set<String> orphans(List<TaskRow> rows, List<ContainerInfo> containers) {
        Set<String> known = rows.stream().filter(TaskRow::running).map(TaskRow::taskArn).collect(Collectors.toSet());
        Set<String> out = new java.util.TreeSet<>(byTask(containers).keySet());
        out.removeAll(known);
        return out;
    }

    private static Map<String, List<ContainerInfo>> byTask(List<ContainerInfo> containers) {
        Map<String, List<ContainerInfo>> out = new HashMap<>();
        for (ContainerInfo c : containers) {
            String arn = c.labels().get(EcsLabels.TASK_ARN);
            if (arn != null) out.computeIfAbsent(arn, k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private static boolean runs(TaskRow row, List<ContainerInfo> live) {
        Map<String, ContainerInfo> byName = new HashMap<>();
        for (ContainerInfo c : live) byName.put(c.labels().getOrDefault(EcsLabels.CONTAINER_NAME, c.name()), c);
        boolean anyEssential = false;
        for (TaskRow.TaskContainer c : row.containers()) {
            if (!c.essential()) continue;
            anyEssential = true;
            ContainerInfo info = byName.get(c.name());
            if (info == null || !info.running()) return false;
        }
        return anyEssential || live.stream().anyMatch(ContainerInfo::running);
    }

    /** "container:port/protocol" to "host:port" for every published port. */
    public static Map<String, String> endpoints(List<ContainerInfo> containers) {
        Map<String, String> out = new TreeMap<>();
        for (ContainerInfo c : containers) {
            String name = c.labels().getOrDefault(EcsLabels.CONTAINER_NAME, c.name());
            for (PublishedPort p : c.ports()) {
                if (p.hostPort() <= 0) continue;
                String host = p.hostIp() == null || p.hostIp().isBlank() || p.hostIp().equals("0.0.0.0")
                        ? "127.0.0.1" : p.hostIp();
                out.put(name + ":" + p.containerPort() + "/" + p.protocol(), host + ":" + p.hostPort());
            }
        }
        return out;
    }
}
