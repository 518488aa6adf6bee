package dev.berth.ecs.control;

import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.service.ObservedTask;
import dev.berth.ecs.store.TaskIndex;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.EcsStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks at the engines before a task is described or listed, since they are the world's truth:
 * one list call per engine in use finds every container of the cluster. A one-off task whose
 * essential container has ended is recorded STOPPED here (EssentialContainerExited, with what
 * each container exited with) and its containers removed; nothing replaces it. A service's task
 * is only reported as it is: its service records and replaces it. Stopped one-off tasks are
 * forgotten an hour after they stopped, as ECS forgets them.
 */
final class TaskObserver {
    /** A task as recorded, with its attributes (absent for service tasks) and its containers as seen (null: engine not reached). */
    record Seen(TaskRow row, TaskAttributes attributes, PlacementRow placement, List<ContainerInfo> containers) {
        boolean reached() {
            return containers != null;
        }

        /** Whether every essential container still runs, as far as the engine shows. */
        boolean alive() {
            if (!reached() || !row.running()) return row.running();
            return ObservedTask.runs(row, containers);
        }

        /** The engine the task runs on: its placement's (null: the local engine, where FARGATE tasks run). */
        String dockerHost() {
            return placement == null ? null : placement.dockerHost();
        }
    }

    private final Table<TaskRow> tasks;
    private final TaskTable taskTable;
    private final Table<TaskAttributes> attributes;
    private final Table<PlacementRow> placements;
    private final java.util.function.Function<String, ContainerRuntime> runtimes;
    private final Clock clock;
    private final EcsStore store;
    /** Every service container of every engine as one command's reads share them; null (or a null answer): list at every look. */
    private final java.util.function.Supplier<List<ContainerInfo>> sharedServiceContainers;
    private final dev.berth.ecs.runtime.FreshListings<List<ContainerInfo>> listings = new dev.berth.ecs.runtime.FreshListings<>();

    TaskObserver(EcsStore store, java.util.function.Function<String, ContainerRuntime> runtimes, Clock clock) {
        this(store, runtimes, clock, null);
    }

    /**
     * {@code sharedServiceContainers}: the listing a provider's reads share for one command, used
     * when every task looked at belongs to a service (whose containers it holds), so a refresh
     * that describes many services' tasks lists each engine once.
     */
    TaskObserver(EcsStore store, java.util.function.Function<String, ContainerRuntime> runtimes, Clock clock,
                 java.util.function.Supplier<List<ContainerInfo>> sharedServiceContainers) {
        this.store = store;
        this.sharedServiceContainers = sharedServiceContainers;
        this.tasks = new Table<>(store, TaskRow.TABLE, TaskRow.class);
        this.taskTable = new TaskTable(store);
        this.attributes = new Table<>(store, TaskAttributes.TABLE, TaskAttributes.class);
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
        this.runtimes = runtimes;
        this.clock = clock;
    }

    /** The tasks table indexed, as committed now (or as this thread's open unit sees it). */
    TaskIndex index() {
        return taskTable.index();
    }

    /**
     * The cluster's tasks that are not STOPPED ({@code serviceArn} not null: that service's),
     * each joined with what its engine runs, for listing: without their attributes (overrides,
     * tags, exits), which a list never shows. STOPPED ones are {@link #stopped}'s: no engine
     * holds them, so they need no listing.
     */
    List<Seen> live(TaskIndex index, String clusterArn, String serviceArn) {
        List<TaskRow> rows = serviceArn == null ? index.live(clusterArn)
                : index.service(serviceArn).stream().filter(r -> !r.stoppedStatus() && clusterArn.equals(r.clusterArn()))
                .toList();
        return observe(clusterArn, rows, false);
    }

    /**
     * A STOPPED task as ECS would still show it, for listing (null once it is past keeping);
     * {@code places} gives placements (a stopped task's is gone, unless recorded before it was).
     */
    Seen stopped(TaskRow row, java.util.function.Function<String, PlacementRow> places) {
        if (forgotten(row)) return null;
        return new Seen(row, null, places.apply(row.taskArn()), null);
    }

    /** Every placement by task ARN, as one read of the table sees them. */
    java.util.function.Function<String, PlacementRow> placements() {
        return placements.lookup();
    }

    /** The named tasks of the cluster that exist (unknown ARNs are left out). */
    List<Seen> tasks(String clusterArn, Collection<String> taskArns) {
        TaskIndex index = index();
        List<TaskRow> rows = new ArrayList<>();
        for (String arn : new java.util.LinkedHashSet<>(taskArns)) {
            index.row(arn).filter(r -> clusterArn.equals(r.clusterArn())).ifPresent(rows::add);
        }
        return observe(clusterArn, rows, true);
    }

    private List<Seen> observe(String clusterArn, List<TaskRow> rows, boolean withAttributes) {
        // A describe names a few tasks: look each up rather than reading both tables whole.
        boolean few = rows.size() <= 32;
        java.util.function.Function<String, TaskAttributes> attrs = !withAttributes ? arn -> null
                : few ? byArn(attributes, rows)::get : attributes.lookup();
        java.util.function.Function<String, PlacementRow> places = few ? byArn(placements, rows)::get : placements.lookup();
        List<Seen> seen = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        for (TaskRow r : rows) {
            if (forgotten(r)) continue;
            Seen s = new Seen(r, attrs.apply(r.taskArn()), places.apply(r.taskArn()), null);
            seen.add(s);
            if (!r.stoppedStatus()) hosts.add(s.dockerHost() == null ? "" : s.dockerHost());
        }
        Map<String, List<ContainerInfo>> byTask = new HashMap<>();
        Set<String> reached = new HashSet<>();
        if (sharedServiceContainers != null && rows.stream().allMatch(r -> r.serviceArn() != null)) {
            try {
                List<ContainerInfo> shared = sharedServiceContainers.get();
                if (shared != null) {
                    for (ContainerInfo c : shared) {
                        String arn = c.labels().get(EcsLabels.TASK_ARN);
                        if (arn != null) byTask.computeIfAbsent(arn, k -> new ArrayList<>()).add(c);
                    }
                    reached.addAll(hosts);
                    hosts = Set.of();
                }
            } catch (RuntimeFailure unreachable) {
                // Its tasks are reported as last recorded.
                hosts = Set.of();
            }
        }
        for (String host : hosts) {
            try {
                List<String> filter = List.of(EcsLabels.CLUSTER + "=" + clusterArn);
                ContainerRuntime engine = engine(host);
                for (ContainerInfo c : listings.list(host + "\n" + clusterArn, () -> engine.listSummaries(filter),
                        since -> engine.changedSince(since, filter), (listed, changed) -> changed.applyTo(listed,
                                engine.listSummaries(filter, changed.containerIds())))) {
                    String arn = c.labels().get(EcsLabels.TASK_ARN);
                    if (arn != null) byTask.computeIfAbsent(arn, k -> new ArrayList<>()).add(c);
                }
                reached.add(host);
            } catch (RuntimeFailure unreachable) {
                // Its tasks are reported as last recorded.
            }
        }
        List<Seen> out = new ArrayList<>();
        for (Seen s : seen) {
            String host = s.dockerHost() == null ? "" : s.dockerHost();
            Seen joined = reached.contains(host) ? new Seen(s.row(), s.attributes(), s.placement(),
                    byTask.getOrDefault(s.row().taskArn(), List.of())) : s;
            out.add(settle(joined));
        }
        return out;
    }

    private static <T> Map<String, T> byArn(Table<T> table, List<TaskRow> rows) {
        // One read for all of them: a query per task was most of a small describe.
        return rows.isEmpty() ? Map.of() : table.getAll(rows.stream().map(TaskRow::taskArn).toList());
    }

    /**
     * A one-off task that no longer runs is recorded STOPPED with its containers' exit codes and
     * its containers removed, so it is not replaced and its exit survives the containers.
     */
    private Seen settle(Seen s) {
        if (s.row().serviceArn() != null || !s.row().running() || !s.reached() || s.alive()) return s;
        // Described as ended (TaskViews shows it STOPPED) but recorded by the next look: a StopTask
        // in hand may be what ended it, and it records why.
        if (store.besideAChange()) return s;
        TaskRow stopped = s.row().withExits(ObservedTask.exits(s.containers())).stopped(clock.instant().toString(),
                TaskRow.ESSENTIAL_CONTAINER_EXITED, TaskRow.ESSENTIAL_EXITED_REASON);
        tasks.put(stopped.taskArn(), stopped);
        placements.delete(stopped.taskArn());
        try {
            engine(s.dockerHost() == null ? "" : s.dockerHost()).stopTask(stopped.taskArn(), Duration.ZERO);
        } catch (RuntimeFailure f) {
            // Left for the next look; the task is recorded stopped either way.
        }
        return new Seen(stopped, s.attributes(), null, s.containers());
    }

    /** Stopped more than an hour ago: a one-off task's rows go; a service's stay for its service but are not shown. */
    private boolean forgotten(TaskRow r) {
        if (!r.stoppedStatus() || !Expiry.over(r.stoppedAt(), clock)) return false;
        if (r.serviceArn() == null) {
            // One write: a kill between them would leave rows no task leads to.
            store.writeAll(List.of(new EcsStore.Write(TaskAttributes.TABLE, r.taskArn(), null),
                    new EcsStore.Write(PlacementRow.TABLE, r.taskArn(), null),
                    new EcsStore.Write(TaskRow.TABLE, r.taskArn(), null)));
        }
        return true;
    }

    private ContainerRuntime engine(String host) {
        return runtimes.apply(host.isEmpty() ? null : host);
    }
}
