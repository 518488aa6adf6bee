package dev.berth.ecs.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code tasks} table decoded once and indexed by cluster, status and service, so a List or
 * Describe call touches only the tasks it answers with. It is a function of one version of the
 * table ({@link EcsStore#derived}): the SQLite store carries it through its own writes
 * ({@link #after}) and makes it again when another process commits, so it is never behind the
 * rows; a unit of work with task rows in hand carries the committed one through them. With
 * 10,000 tasks in the world, berth server's ListTasks and DescribeServices each decoded and
 * filtered all of them on every call. Nothing here changes once made, so callers may hold what
 * it gives.
 */
public final class TaskIndex implements EcsStore.Follows<TaskIndex> {
    private static final Comparator<TaskRow> BY_ARN = Comparator.comparing(TaskRow::taskArn);
    private static final Comparator<TaskRow> BY_START = Comparator.comparingLong(TaskRow::seq)
            .thenComparing(TaskRow::taskArn);

    private final Map<String, TaskRow> rows;
    /** Not STOPPED (PROVISIONING, PENDING, RUNNING), by cluster, in ARN order. */
    private final Map<String, List<TaskRow>> liveByCluster;
    /** STOPPED task ARNs by cluster, in ARN order. */
    private final Map<String, List<String>> stoppedByCluster;
    /** Every row of a service, oldest first. */
    private final Map<String, List<TaskRow>> byService;
    /** Every RUNNING row, in ARN order. */
    private final List<TaskRow> running;

    private TaskIndex(Map<String, TaskRow> rows, Map<String, List<TaskRow>> liveByCluster,
                      Map<String, List<String>> stoppedByCluster, Map<String, List<TaskRow>> byService,
                      List<TaskRow> running) {
        this.rows = rows;
        this.liveByCluster = liveByCluster;
        this.stoppedByCluster = stoppedByCluster;
        this.byService = byService;
        this.running = running;
    }

    /** The index of {@code table}, the {@code tasks} table's rows by task ARN. */
    public static TaskIndex of(Map<String, String> table) {
        Builder b = new Builder(new TaskIndex(new HashMap<>(), Map.of(), Map.of(), Map.of(), List.of()));
        for (Map.Entry<String, String> e : table.entrySet()) b.add(e.getKey(), Decoded.read(e.getValue(), TaskRow.class));
        return b.build();
    }

    /**
     * This index after {@code writes} (rows of any table; only the tasks table's count), made by
     * touching only the rows written: a copy of the row map and of the lists the writes touch,
     * rather than decoding and sorting every row again.
     */
    @Override
    public TaskIndex after(List<EcsStore.Write> writes) {
        Builder b = new Builder(this);
        for (EcsStore.Write w : writes) {
            if (!TaskRow.TABLE.equals(w.table())) continue;
            b.remove(w.key());
            if (w.json() != null) b.add(w.key(), Decoded.read(w.json(), TaskRow.class));
        }
        return b.build();
    }

    public Optional<TaskRow> row(String taskArn) {
        return Optional.ofNullable(rows.get(taskArn));
    }

    /** The cluster's tasks not STOPPED, in ARN order. */
    public List<TaskRow> live(String clusterArn) {
        return liveByCluster.getOrDefault(clusterArn, List.of());
    }

    /** The ARNs of the cluster's STOPPED tasks, in ARN order (expired ones included: expiry is the reader's). */
    public List<String> stopped(String clusterArn) {
        return stoppedByCluster.getOrDefault(clusterArn, List.of());
    }

    /** Every row of a service (any status), oldest first. */
    public List<TaskRow> service(String serviceArn) {
        return byService.getOrDefault(serviceArn, List.of());
    }

    /** Every RUNNING row of every cluster, in ARN order. */
    public List<TaskRow> running() {
        return running;
    }

    /** How many rows the table holds. */
    public int size() {
        return rows.size();
    }

    /** Makes an index from another, copying each list the first time it is touched. */
    private static final class Builder {
        private final Map<String, TaskRow> rows;
        private final Map<String, List<TaskRow>> live;
        private final Map<String, List<String>> stopped;
        private final Map<String, List<TaskRow>> byService;
        private List<TaskRow> running;
        private final java.util.Set<Object> copied = Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        Builder(TaskIndex from) {
            rows = new HashMap<>(from.rows);
            live = new HashMap<>(from.liveByCluster);
            stopped = new HashMap<>(from.stoppedByCluster);
            byService = new HashMap<>(from.byService);
            running = from.running;
        }

        void add(String key, TaskRow r) {
            rows.put(key, r);
            String cluster = cluster(r);
            if (r.stoppedStatus()) insert(mine(stopped, cluster), key, Comparator.naturalOrder());
            else insert(mine(live, cluster), r, BY_ARN);
            if (r.running()) insert(runningList(), r, BY_ARN);
            if (r.serviceArn() != null) insert(mine(byService, r.serviceArn()), r, BY_START);
        }

        void remove(String key) {
            TaskRow r = rows.remove(key);
            if (r == null) return;
            String cluster = cluster(r);
            if (r.stoppedStatus()) drop(mine(stopped, cluster), key, Comparator.naturalOrder());
            else drop(mine(live, cluster), r, BY_ARN);
            if (r.running()) drop(runningList(), r, BY_ARN);
            if (r.serviceArn() != null) drop(mine(byService, r.serviceArn()), r, BY_START);
        }

        TaskIndex build() {
            live.values().removeIf(List::isEmpty);
            stopped.values().removeIf(List::isEmpty);
            byService.values().removeIf(List::isEmpty);
            return new TaskIndex(rows, frozen(live), frozen(stopped), frozen(byService),
                    Collections.unmodifiableList(running));
        }

        private static String cluster(TaskRow r) {
            return r.clusterArn() == null ? "" : r.clusterArn();
        }

        private List<TaskRow> runningList() {
            if (!copied.contains(running)) {
                running = new ArrayList<>(running);
                copied.add(running);
            }
            return running;
        }

        /** The list under {@code key}, this builder's own copy. */
        private <T> List<T> mine(Map<String, List<T>> lists, String key) {
            List<T> list = lists.get(key);
            if (list == null || !copied.contains(list)) {
                list = list == null ? new ArrayList<>() : new ArrayList<>(list);
                copied.add(list);
                lists.put(key, list);
            }
            return list;
        }

        private static <T> void insert(List<T> sorted, T item, Comparator<? super T> order) {
            int at = Collections.binarySearch(sorted, item, order);
            sorted.add(at >= 0 ? at : -at - 1, item);
        }

        private static <T> void drop(List<T> sorted, T item, Comparator<? super T> order) {
            int at = Collections.binarySearch(sorted, item, order);
            if (at >= 0) sorted.remove(at);
        }

        private static <T> Map<String, List<T>> frozen(Map<String, List<T>> lists) {
            lists.replaceAll((k, v) -> v instanceof ArrayList<T> ? Collections.unmodifiableList(v) : v);
            return lists;
        }
    }
}
