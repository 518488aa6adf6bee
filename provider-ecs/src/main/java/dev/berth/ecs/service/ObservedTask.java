package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.TaskLife;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A task as recorded, joined with its live containers. It runs when every essential container
 * does; a container killed or removed behind berth's back makes the task not running. It has
 * drifted when it runs but its containers are not what its task definition says (changed
 * limits, image, environment or ports, a restart, a dead sidecar is tolerated).
 */
public record ObservedTask(TaskRow row, boolean running, Map<String, String> endpoints,
                           List<ContainerView> containers, boolean drifted) {

    public ObservedTask {
        endpoints = new TreeMap<>(endpoints);
        containers = List.copyOf(containers);
    }

    public String arn() {
        return row.taskArn();
    }

    /** Each container as its engine runs it, by name, in the shape the API carries it. */
    public Map<String, dev.berth.ecs.api.TaskCalls.DockerContainer> docker() {
        Map<String, dev.berth.ecs.api.TaskCalls.DockerContainer> out = new java.util.LinkedHashMap<>();
        for (ContainerView c : containers) out.put(c.name(), c.toApi());
        return out;
    }

    /**
     * Joins the service's RUNNING rows with its containers in {@code view}, oldest task first.
     * {@code expectations} gives the expectation of a task definition ARN, empty when unknown.
     */
    static List<ObservedTask> observe(List<TaskRow> rows, List<ContainerInfo> containers, EngineView view,
                                      Function<String, Optional<TaskExpectation>> expectations) {
        Map<String, List<ContainerInfo>> byTask = byTask(containers);
        List<ObservedTask> out = new ArrayList<>();
        for (TaskRow row : rows) {
            if (!row.running()) continue;
            List<ContainerInfo> live = byTask.getOrDefault(row.taskArn(), List.of());
            boolean running = runs(row, live);
            Optional<TaskExpectation> expected = expectations.apply(row.taskDefinitionArn());
            List<ContainerView> views = expected.map(e -> views(e, live, view, row)).orElse(List.of());
            boolean drifted = running && expected.isPresent()
                    && !expected.get().matches(views.stream().map(ContainerView::toValue).toList());
            out.add(new ObservedTask(row, running, running ? endpoints(live) : Map.of(), views, drifted));
        }
        out.sort(Comparator.comparingLong((ObservedTask t) -> t.row.seq()).thenComparing(ObservedTask::arn));
        return out;
    }

    /** How each container that no longer runs ended, by container name, as a stopped task keeps it. */
    public static Map<String, TaskRow.Exit> exits(List<ContainerInfo> containers) {
        Map<String, TaskRow.Exit> out = new TreeMap<>();
        for (ContainerInfo c : containers) {
            if (c.running()) continue;
            out.put(c.labels().getOrDefault(EcsLabels.CONTAINER_NAME, c.name()),
                    new TaskRow.Exit(c.exitCode(), c.exitReason()));
        }
        return out;
    }

    /** Containers of the service that belong to no RUNNING task: leftovers or started by hand. */
    /** Whether each RUNNING row still runs, without comparing against its task definition. */
    static List<ObservedTask> liveness(List<TaskRow> rows, List<ContainerInfo> containers) {
        return observe(rows, containers, null, taskDefinitionArn -> Optional.empty());
    }

    /** Task ARNs on containers that no RUNNING row knows. */
    static List<String> orphanTasks(List<TaskRow> rows, List<ContainerInfo> containers) {
        return orphans(rows, containers).stream().map(c -> c.labels().get(EcsLabels.TASK_ARN))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    static List<ContainerInfo> orphans(List<TaskRow> rows, List<ContainerInfo> containers) {
        Set<String> known = rows.stream().filter(TaskRow::running).map(TaskRow::taskArn).collect(Collectors.toSet());
        return containers.stream().filter(c -> !known.contains(c.labels().get(EcsLabels.TASK_ARN)))
                .sorted(Comparator.comparing(ContainerInfo::name)).toList();
    }

    private static List<ContainerView> views(TaskExpectation expected, List<ContainerInfo> live, EngineView view,
                                             TaskRow row) {
        Map<String, ContainerInfo> byName = byName(live);
        Map<String, String> launchedBy = new HashMap<>();
        for (TaskRow.TaskContainer c : row.containers()) {
            if (c.launchedImage() != null) launchedBy.put(c.name(), c.launchedImage());
        }
        List<ContainerView> wanted = expected.containers();
        List<ContainerView> out = new ArrayList<>();
        for (ContainerView want : wanted) {
            ContainerInfo info = byName.get(want.name());
            out.add(info == null ? ContainerView.removed(want.name())
                    : seen(want, info, expected, view, launchedBy.get(want.name())));
        }
        return out;
    }

    /**
     * What the engine enforces, in the definition's terms. Only the variables the definition sets
     * are compared: the image and Docker add others such as PATH. {@link EngineViewReader}
     * inspects every container of the store's services, so {@code info} is always detailed here.
     */
    private static ContainerView seen(ContainerView want, ContainerInfo info, TaskExpectation expected, EngineView view,
                                      String launchedImage) {
        Map<String, String> env = new TreeMap<>();
        for (String k : want.environment().keySet()) {
            if (info.environment().containsKey(k)) env.put(k, info.environment().get(k));
        }
        List<String> ports = info.ports().stream().map(expected::observedPort).sorted().toList();
        // Created by the digest its deployment resolved: that is the definition's image, not drift.
        String image = launchedImage != null && launchedImage.equals(info.image()) ? want.image() : info.image();
        return new ContainerView(want.name(), image, info.cpuShares() <= 0 ? null : (int) info.cpuShares(),
                TaskExpectation.mib(info.memoryBytes()), TaskExpectation.mib(info.memoryReservationBytes()), env, ports,
                info.state(), view.restartsOf(info.id()));
    }

    static Map<String, List<ContainerInfo>> byTask(List<ContainerInfo> containers) {
        Map<String, List<ContainerInfo>> out = new HashMap<>();
        for (ContainerInfo c : containers) {
            String arn = c.labels().get(EcsLabels.TASK_ARN);
            if (arn != null) out.computeIfAbsent(arn, k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /** The containers by their task definition name (the label berth gives them, else the Docker name). */
    public static Map<String, ContainerInfo> byName(List<ContainerInfo> live) {
        Map<String, ContainerInfo> byName = new HashMap<>();
        for (ContainerInfo c : live) byName.put(c.labels().getOrDefault(EcsLabels.CONTAINER_NAME, c.name()), c);
        return byName;
    }

    /** Whether a task still runs on what the engine shows, by ECS's one rule ({@link TaskLife#runs}). */
    public static boolean runs(TaskRow row, List<ContainerInfo> live) {
        Map<String, Boolean> essential = new HashMap<>();
        for (TaskRow.TaskContainer c : row.containers()) essential.put(c.name(), c.essential());
        Map<String, Boolean> running = new HashMap<>();
        byName(live).forEach((name, info) -> running.put(name, info.running()));
        return TaskLife.runs(essential, running);
    }

    /** "container:port/protocol" to "host:port" for every published port. */
    public static Map<String, String> endpoints(List<ContainerInfo> containers) {
        return dev.berth.ecs.task.TaskStarter.endpoints(containers);
    }
}
