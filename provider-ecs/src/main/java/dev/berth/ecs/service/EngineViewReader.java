package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link EngineView} from what the engine says now and nothing else: one list call,
 * then an inspect of every container of this store's services (the runtime does several at
 * once). The answer never depends on what else happened on the engine: Docker's event log keeps
 * only its last 256 events, so an update or restart learnt from it is lost after a few hundred
 * unrelated events (image tags, other containers coming and going), and a drift check that
 * silently misses drift is worse than none.
 * <ul>
 * <li>Limits and environment are read from the inspect, whatever berth created the container
 * with.</li>
 * <li>A restart shows as a start time later than the one its task recorded: the engine's
 * {@code StartedAt} moves on every start, by hand or by a restart policy.</li>
 * </ul>
 * Containers of other berth states on the same engine are listed (one call either way) but never
 * inspected or compared.
 */
final class EngineViewReader {
    private EngineViewReader() {
    }

    /** {@code services} are the service ARNs of this store; only their containers are inspected. */
    static EngineView read(ContainerRuntime rt, List<String> labelFilters, Collection<TaskRow> rows,
                           Set<String> services) {
        return view(containers(rt, rt.listSummaries(labelFilters), services), rows);
    }

    /** The {@code listed} containers with those of {@code services} inspected: the engine's part of a view. */
    static List<ContainerInfo> containers(ContainerRuntime rt, List<ContainerInfo> listed, Set<String> services) {
        Set<String> toInspect = new LinkedHashSet<>();
        for (ContainerInfo c : listed) {
            if (!c.detailed() && services.contains(c.labels().get(EcsLabels.SERVICE))) toInspect.add(c.id());
        }
        if (toInspect.isEmpty()) return listed;
        Map<String, ContainerInfo> inspected = new HashMap<>();
        for (ContainerInfo c : rt.inspectAll(List.copyOf(toInspect))) inspected.put(c.id(), c);
        List<ContainerInfo> out = new ArrayList<>(listed.size());
        for (ContainerInfo c : listed) {
            // A container removed between the listing and its inspect is gone: leave it out.
            if (!toInspect.contains(c.id())) out.add(c);
            else if (inspected.containsKey(c.id())) out.add(inspected.get(c.id()));
        }
        return out;
    }

    /** The view of {@code containers} matched against the task rows read before they were listed. */
    static EngineView view(List<ContainerInfo> containers, Collection<TaskRow> rows) {
        Map<String, List<TaskRow>> byService = new HashMap<>();
        for (TaskRow row : rows) {
            if (row.running()) byService.computeIfAbsent(row.serviceArn(), k -> new ArrayList<>()).add(row);
        }
        if (containers.isEmpty()) return new EngineView(List.of(), Map.of(), byService);
        return new EngineView(containers, restarts(containers, rows), byService);
    }

    /**
     * Starts since each RUNNING task was recorded (or since the agent last restarted the container
     * in place for its task definition's restart policy), by container id: Docker's restart count, or
     * at least one when the container's last start came after the task was recorded (a start by
     * hand leaves no count). berth records a task after its containers have run for a moment, so
     * only a later start is a restart.
     */
    static Map<String, Integer> restarts(List<ContainerInfo> containers, Collection<TaskRow> rows) {
        Map<String, Instant> recordedAt = new HashMap<>();
        for (TaskRow row : rows) {
            if (!row.running()) continue;
            Instant at = instant(row.startedAt());
            for (TaskRow.TaskContainer c : row.containers()) {
                // A start its restart policy made (the agent's, recorded right after it) is ECS's own, not drift.
                Instant restarted = instant(c.restartedAt());
                Instant last = restarted != null && (at == null || restarted.isAfter(at)) ? restarted : at;
                if (c.containerId() != null && last != null) recordedAt.put(c.containerId(), last);
            }
        }
        Map<String, Integer> out = new HashMap<>();
        for (ContainerInfo c : containers) {
            Instant recorded = recordedAt.get(c.id());
            if (recorded == null) continue;
            int starts = c.restartCount();
            if (c.startedAt() != null && c.startedAt().isAfter(recorded)) starts = Math.max(starts, 1);
            if (starts > 0) out.put(c.id(), starts);
        }
        return out;
    }

    /** A recorded start time; an unreadable one is unknown, which never counts as a restart. */
    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
