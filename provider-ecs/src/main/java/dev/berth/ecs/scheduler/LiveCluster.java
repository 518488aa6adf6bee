package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.EngineLoad;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.RunningTask;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable, indexed working copy of a cluster that placement decisions run against.
 *
 * <p>Everything a decision reads is kept up to date incrementally on every start and stop: used
 * cpu/memory, task counts, host ports per instance and per engine, task counts of each group per
 * instance and per attribute value, and the rank indexes of recent requests. A decision therefore
 * never rescans running tasks. Instances are held by ordinal in id order, so "lowest ordinal"
 * is the deterministic instance-id tie-break.
 */
public final class LiveCluster {
    private static final int MAX_INDEXES = 16;

    final ContainerInstance[] instances;
    final int[] cpuUsed;
    final int[] memUsed;
    final int[] running;
    private final int[] engineOf;
    private final PortCounts[] instancePorts;
    private final PortCounts[] enginePorts;
    private final List<List<RunningTask>> tasks = new ArrayList<>();
    private final Map<String, int[]> groupCounts = new HashMap<>();
    private final Map<String, AttributeColumn> columns = new HashMap<>();
    /** group -> attribute -> task count per attribute value id. */
    private final Map<String, Map<String, int[]>> spreadCounts = new HashMap<>();
    /** Recent requests by signature, each with its rank index; least recently used dropped first. */
    private final Map<String, PreparedRequest> prepared = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Integer> ordinalById = new HashMap<>();
    private final BitSet dirty = new BitSet();
    private final List<List<Integer>> engineMembers = new ArrayList<>();
    /** Per engine: what it holds, and what is booked on it (elsewhere and here). */
    private final int[] engineCpuCapacity, engineMemoryCapacity, engineCpuUsed, engineMemoryUsed;
    private final Map<String, EngineLoad> engineLoads;
    private final String cluster;
    private long clock;

    public LiveCluster(ClusterSnapshot snapshot) {
        cluster = snapshot.cluster();
        instances = snapshot.instances().toArray(new ContainerInstance[0]);
        int n = instances.length;
        cpuUsed = new int[n];
        memUsed = new int[n];
        running = new int[n];
        engineOf = new int[n];
        instancePorts = new PortCounts[n];
        Map<String, Integer> engines = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ordinalById.put(instances[i].id(), i);
            engineOf[i] = engines.computeIfAbsent(instances[i].engine(), e -> engines.size());
            instancePorts[i] = new PortCounts();
            tasks.add(new ArrayList<>());
        }
        enginePorts = new PortCounts[engines.size()];
        engineLoads = snapshot.engines();
        engineCpuCapacity = new int[engines.size()];
        engineMemoryCapacity = new int[engines.size()];
        engineCpuUsed = new int[engines.size()];
        engineMemoryUsed = new int[engines.size()];
        for (int e = 0; e < enginePorts.length; e++) {
            enginePorts[e] = new PortCounts();
            engineMembers.add(new ArrayList<>());
            engineCpuCapacity[e] = Integer.MAX_VALUE;
            engineMemoryCapacity[e] = Integer.MAX_VALUE;
        }
        engines.forEach((engine, e) -> {
            EngineLoad load = engineLoads.get(engine);
            if (load == null) return;
            engineCpuCapacity[e] = load.cpuCapacity();
            engineMemoryCapacity[e] = load.memoryCapacity();
            engineCpuUsed[e] = load.cpuElsewhere();
            engineMemoryUsed[e] = load.memoryElsewhere();
            for (HostPort p : load.portsElsewhere()) enginePorts[e].add(p.key());
        });
        for (int i = 0; i < n; i++) engineMembers.get(engineOf[i]).add(i);
        for (int i = 0; i < n; i++) {
            for (RunningTask t : instances[i].runningTasks()) {
                record(i, t, +1);
                tasks.get(i).add(t);
                clock = Math.max(clock, t.startedAt() + 1);
            }
        }
    }

    public String cluster() {
        return cluster;
    }

    public int size() {
        return instances.length;
    }

    public ContainerInstance instance(int ordinal) {
        return instances[ordinal];
    }

    /** -1 when the cluster has no such instance. */
    public int ordinal(String instanceId) {
        return ordinalById.getOrDefault(instanceId, -1);
    }

    public int remainingCpu(int i) {
        return instances[i].registeredCpu() - cpuUsed[i];
    }

    public int remainingMemory(int i) {
        return instances[i].registeredMemory() - memUsed[i];
    }

    /** What instance i can still take: its own room, and no more than its engine has left across every instance on it. */
    int freeCpu(int i) {
        int e = engineOf[i];
        return (int) Math.min(remainingCpu(i), (long) engineCpuCapacity[e] - engineCpuUsed[e]);
    }

    int freeMemory(int i) {
        int e = engineOf[i];
        return (int) Math.min(remainingMemory(i), (long) engineMemoryCapacity[e] - engineMemoryUsed[e]);
    }

    public int runningCount(int i) {
        return running[i];
    }

    public List<RunningTask> tasks(int i) {
        return List.copyOf(tasks.get(i));
    }

    /** The live list, for queries that must not copy on every evaluation. */
    List<RunningTask> liveTasks(int i) {
        return tasks.get(i);
    }

    public int groupCount(String group, int i) {
        int[] c = groupCounts.get(group);
        return c == null ? 0 : c[i];
    }

    /** Per-instance counts of the group; the live array, created empty on first use. */
    int[] groupCounts(String group) {
        return groupCounts.computeIfAbsent(group, g -> new int[instances.length]);
    }

    /** Free on the instance and on its engine: instances sharing an engine share its ports. */
    boolean portFree(int i, int key) {
        return !instancePorts[i].inUse(key) && !enginePorts[engineOf[i]].inUse(key);
    }

    AttributeColumn column(String attribute) {
        return columns.computeIfAbsent(attribute, a -> new AttributeColumn(instances, a));
    }

    /** Live counts of the group's tasks per value of the attribute, built once then kept current. */
    int[] spreadCounts(String group, String attribute) {
        return spreadCounts.computeIfAbsent(group, g -> new HashMap<>()).computeIfAbsent(attribute, a -> {
            AttributeColumn col = column(a);
            int[] counts = new int[col.size()];
            int[] perInstance = groupCounts(group);
            for (int i = 0; i < perInstance.length; i++) counts[col.valueOf[i]] += perInstance[i];
            return counts;
        });
    }

    /** A logical start time later than every task seen so far. */
    long nextStartedAt() {
        return clock++;
    }

    /**
     * The compiled form of a request, reused while the same request keeps coming (a service
     * placing task after task), so static constraints and the rank index are built once.
     */
    public PreparedRequest prepare(PlacementRequest request) {
        String signature = PreparedRequest.signature(request);
        PreparedRequest p = prepared.get(signature);
        if (p == null) {
            p = new PreparedRequest(this, request, signature);
            prepared.put(signature, p);
            if (prepared.size() > MAX_INDEXES) prepared.remove(prepared.keySet().iterator().next());
        }
        return p;
    }

    /** Indexes order instances by live values, so they must let go of i before its values change. */
    private void detachAll(int i) {
        for (PreparedRequest p : prepared.values()) if (p.builtIndex() != null) p.builtIndex().detach(i);
    }

    private void attachAll(int i, boolean reinstate) {
        for (PreparedRequest p : prepared.values()) {
            RankIndex idx = p.builtIndex();
            if (idx == null) continue;
            if (reinstate) idx.reinstate(i);
            idx.attach(i);
        }
    }

    /** Starts a task on instance i; the caller has checked it fits. */
    public void start(int i, RunningTask task) {
        detachAll(i);
        record(i, task, +1);
        tasks.get(i).add(task);
        dirty.set(i);
        clock = Math.max(clock, task.startedAt() + 1);
        attachAll(i, false);
    }

    /** Stops a task; freed capacity may make the instance eligible again for cached indexes. */
    public boolean stop(int i, String taskId) {
        List<RunningTask> list = tasks.get(i);
        for (int k = list.size() - 1; k >= 0; k--) {
            RunningTask t = list.get(k);
            if (!t.taskId().equals(taskId)) continue;
            detachAll(i);
            list.remove(k);
            record(i, t, -1);
            dirty.set(i);
            attachAll(i, true);
            if (!t.hostPorts().isEmpty() || engineLoads.containsKey(instances[i].engine())) {
                // What the task held on the engine is free again, so its other instances may fit again.
                for (int other : engineMembers.get(engineOf[i])) {
                    if (other == i) continue;
                    detachAll(other);
                    attachAll(other, true);
                }
            }
            return true;
        }
        return false;
    }

    private void record(int i, RunningTask t, int sign) {
        cpuUsed[i] += sign * t.cpu();
        memUsed[i] += sign * t.memory();
        engineCpuUsed[engineOf[i]] += sign * t.cpu();
        engineMemoryUsed[engineOf[i]] += sign * t.memory();
        running[i] += sign;
        for (HostPort p : t.hostPorts()) {
            if (sign > 0) {
                instancePorts[i].add(p.key());
                enginePorts[engineOf[i]].add(p.key());
            } else {
                instancePorts[i].remove(p.key());
                enginePorts[engineOf[i]].remove(p.key());
            }
        }
        groupCounts(t.group())[i] += sign;
        Map<String, int[]> spreads = spreadCounts.get(t.group());
        if (spreads != null) {
            spreads.forEach((attribute, counts) -> counts[column(attribute).valueOf[i]] += sign);
        }
    }

    /** The cluster as an immutable snapshot; untouched instances are shared, not copied. */
    public ClusterSnapshot snapshot() {
        List<ContainerInstance> out = new ArrayList<>(instances.length);
        for (int i = 0; i < instances.length; i++) {
            out.add(dirty.get(i) ? instances[i].withTasks(tasks.get(i)) : instances[i]);
        }
        return new ClusterSnapshot(cluster, out, engineLoads);
    }
}
