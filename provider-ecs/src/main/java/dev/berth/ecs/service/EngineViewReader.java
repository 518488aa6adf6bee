package dev.berth.ecs.service;

import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerEvent;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Builds an {@link EngineView} with one list call and one event-log call, whatever the number of
 * containers. Docker's list summary has no limits, environment or start time, so:
 * <ul>
 * <li>a container berth created (its id is in a RUNNING task row) keeps the environment it was
 * created with (Docker cannot change it) and the limits it was given unless an "update" event
 * names it; only those are inspected;</li>
 * <li>a container no task row knows (recreated or started by hand) is inspected, as nothing about
 * it can be assumed;</li>
 * <li>a "start" event after the task was recorded is a restart, seen without any inspect.</li>
 * </ul>
 * Docker replays only its last 256 events, so an update or restart followed by much other
 * activity on the engine can be missed; a container that was killed, removed or recreated is
 * always seen, because that shows in the list itself.
 */
final class EngineViewReader {
    static final Set<String> ACTIONS = Set.of("start", "update");

    private EngineViewReader() {
    }

    /**
     * {@code services} are the service ARNs of this store: the engine may run containers of other
     * berth states too, and those are listed (one call either way) but never inspected.
     */
    static EngineView read(ContainerRuntime rt, List<String> labelFilters, Collection<TaskRow> rows,
                           Set<String> services) {
        Map<String, List<TaskRow>> byService = new HashMap<>();
        for (TaskRow row : rows) {
            if (row.running()) byService.computeIfAbsent(row.serviceArn(), k -> new ArrayList<>()).add(row);
        }
        List<ContainerInfo> listed = rt.listSummaries(labelFilters);
        if (listed.isEmpty()) return new EngineView(List.of(), Map.of(), byService);
        Map<String, Long> recordedAt = new HashMap<>();
        for (TaskRow row : rows) {
            if (!row.running()) continue;
            long at = nanos(row.startedAt());
            for (TaskRow.TaskContainer c : row.containers()) {
                if (c.containerId() != null) recordedAt.put(c.containerId(), at);
            }
        }
        long oldest = listed.stream().mapToLong(ContainerInfo::createdEpochSecond).min().orElse(0);
        List<ContainerEvent> events = rt.containerEvents(labelFilters, Instant.ofEpochSecond(oldest), ACTIONS);
        Map<String, Integer> restarts = new HashMap<>();
        Set<String> updated = new HashSet<>();
        for (ContainerEvent e : events) {
            if (e.action().equals("update")) updated.add(e.containerId());
            Long at = recordedAt.get(e.containerId());
            if (e.action().equals("start") && at != null && e.timeNanos() > at) restarts.merge(e.containerId(), 1, Integer::sum);
        }
        List<ContainerInfo> out = new ArrayList<>(listed.size());
        for (ContainerInfo c : listed) {
            boolean trusted = recordedAt.containsKey(c.id()) && !updated.contains(c.id());
            boolean ours = services.contains(c.labels().get(EcsLabels.SERVICE));
            if (c.detailed() || trusted || !ours) {
                out.add(c);
            } else {
                rt.inspect(c.id()).ifPresent(out::add);
            }
        }
        return new EngineView(out, restarts, byService);
    }

    /** A recorded start time in nanoseconds; an unreadable one counts as "long ago". */
    private static long nanos(String iso) {
        try {
            Instant i = Instant.parse(iso);
            return TimeUnit.SECONDS.toNanos(i.getEpochSecond()) + i.getNano();
        } catch (DateTimeParseException | NullPointerException e) {
            return 0;
        }
    }
}
