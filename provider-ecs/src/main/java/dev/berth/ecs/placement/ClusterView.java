package dev.berth.ecs.placement;

import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.EngineLoad;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.scheduler.model.TaskSpec;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.EcsStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scheduler's picture of a cluster, built only from the provider's tables (what the last
 * refresh and apply recorded), so planning never reaches an engine.
 */
public final class ClusterView {
    /** The one instance of a FARGATE snapshot: the local engine's Fargate capacity. */
    public static final String FARGATE = "FARGATE";
    /** Fargate has no memory quota; this is room no task reaches. */
    static final int FARGATE_MEMORY = Integer.MAX_VALUE / 4;

    private final Table<InstanceRow> instances;
    private final Table<TaskDefinitionRow> taskDefinitions;
    private final Table<PlacementRow> placements;
    private final TaskTable tasks;

    public ClusterView(EcsStore store) {
        this.instances = new Table<>(store, InstanceRow.TABLE, InstanceRow.class);
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
        this.tasks = new TaskTable(store);
        this.taskDefinitions = new Table<>(store, TaskDefinitionRow.TABLE, TaskDefinitionRow.class);
    }

    public List<InstanceRow> instancesOf(String clusterArn) {
        return instances.all().stream().filter(i -> i.clusterArn().equals(clusterArn)).toList();
    }

    /** Placements of tasks still recorded RUNNING, by task ARN. */
    public Map<String, PlacementRow> runningPlacements() {
        Map<String, TaskRow> running = new HashMap<>();
        for (TaskRow t : tasks.running()) running.put(t.taskArn(), t);
        Map<String, PlacementRow> out = new TreeMap<>();
        for (PlacementRow p : placements.all()) if (running.containsKey(p.taskArn())) out.put(p.taskArn(), p);
        return out;
    }

    public ClusterSnapshot snapshot(String clusterArn) {
        Map<String, TaskRow> running = new HashMap<>();
        for (TaskRow t : tasks.running()) running.put(t.taskArn(), t);
        Map<String, List<RunningTask>> byInstance = new HashMap<>();
        List<PlacementRow> held = new ArrayList<>();
        for (PlacementRow p : placements.all()) {
            TaskRow t = running.get(p.taskArn());
            if (t == null) continue;
            held.add(p);
            if (p.instanceArn() == null) continue;
            byInstance.computeIfAbsent(p.instanceArn(), k -> new ArrayList<>()).add(new RunningTask(p.taskArn(),
                    group(p.serviceArn(), t), t.taskDefinitionArn(), p.cpu(), p.memory(), ports(p.hostPorts()), t.seq()));
        }
        List<InstanceRow> all = instances.all();
        List<ContainerInstance> out = new ArrayList<>();
        for (InstanceRow i : all) {
            if (!i.clusterArn().equals(clusterArn)) continue;
            out.add(new ContainerInstance(i.arn(), i.id(), clusterArn, i.cpu(), i.memory(), i.attributes(),
                    i.draining() ? InstanceStatus.DRAINING : InstanceStatus.ACTIVE, i.connected(), i.engine(),
                    byInstance.getOrDefault(i.arn(), List.of())));
        }
        return new ClusterSnapshot(clusterArn, out, engines(clusterArn, all, held));
    }

    /**
     * The engines this cluster's instances run on, each with the room it reported and what the
     * tasks of instances of other clusters on it book, so one engine is never promised twice.
     * FARGATE tasks run on the local engine, so they book it too.
     */
    private static Map<String, EngineLoad> engines(String clusterArn, List<InstanceRow> all, List<PlacementRow> held) {
        Map<String, InstanceRow> byArn = new HashMap<>();
        Map<String, int[]> capacity = new HashMap<>();
        for (InstanceRow i : all) {
            byArn.put(i.arn(), i);
            if (i.engineCpu() == null || i.engineMemory() == null) continue;
            capacity.merge(i.engine(), new int[]{i.engineCpu(), i.engineMemory()},
                    (a, b) -> new int[]{Math.max(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Set<String> mine = new HashSet<>();
        for (InstanceRow i : all) if (i.clusterArn().equals(clusterArn)) mine.add(i.engine());
        Map<String, int[]> elsewhere = new HashMap<>();
        Map<String, List<HostPort>> ports = new HashMap<>();
        String local = localEngine(all);
        for (PlacementRow p : held) {
            InstanceRow i = p.instanceArn() == null ? null : byArn.get(p.instanceArn());
            String engine = p.instanceArn() == null ? local : i == null || i.clusterArn().equals(clusterArn) ? null : i.engine();
            if (engine == null || !mine.contains(engine)) continue;
            int[] used = elsewhere.computeIfAbsent(engine, e -> new int[2]);
            used[0] += p.cpu();
            used[1] += p.memory();
            ports.computeIfAbsent(engine, e -> new ArrayList<>()).addAll(ports(p.hostPorts()));
        }
        Map<String, EngineLoad> out = new TreeMap<>();
        for (String engine : mine) {
            int[] cap = capacity.get(engine);
            int[] used = elsewhere.getOrDefault(engine, new int[2]);
            List<HostPort> taken = ports.getOrDefault(engine, List.of());
            if (cap == null && used[0] == 0 && used[1] == 0 && taken.isEmpty()) continue;
            out.put(engine, new EngineLoad(cap == null ? Integer.MAX_VALUE : cap[0], cap == null ? Integer.MAX_VALUE : cap[1],
                    used[0], used[1], taken));
        }
        return out;
    }

    /** The local engine's endpoint, as instances registered without a docker_host recorded it; null when none is. */
    private static String localEngine(List<InstanceRow> all) {
        return all.stream().filter(i -> i.dockerHost() == null).map(InstanceRow::engine).findFirst().orElse(null);
    }

    /** A task's group; tasks of a service in the service's, one-off tasks in the group they were started with. */
    private static String group(String serviceArn, TaskRow t) {
        if (serviceArn != null) return group(serviceArn);
        return t.group() == null ? "task" : t.group();
    }

    /**
     * FARGATE as the scheduler sees it: one instance, {@link #FARGATE}, holding every FARGATE
     * task of the account (the quota is the account's, not a cluster's) with {@code cpuUnits} to
     * give. Tasks of other clusters count against it under a group of their own, so a service of
     * the same name elsewhere is never taken for this one. Memory is not a Fargate quota.
     */
    public ClusterSnapshot fargateSnapshot(String clusterArn, int cpuUnits) {
        Map<String, PlacementRow> placed = new HashMap<>();
        for (PlacementRow p : placements.all()) placed.put(p.taskArn(), p);
        List<RunningTask> onFargate = new ArrayList<>();
        Map<String, TaskRow> running = new HashMap<>();
        for (TaskRow t : tasks.running()) {
            running.put(t.taskArn(), t);
            PlacementRow p = placed.get(t.taskArn());
            if (p != null && p.instanceArn() != null) continue;
            if (p == null && "EC2".equals(t.launchType())) continue;
            // Tasks started before FARGATE tasks booked a placement hold what their revision asks.
            TaskSpec size = p == null ? taskDefinitions.get(t.taskDefinitionArn()).map(TaskSpecs::of).orElse(null) : null;
            int cpu = p != null ? p.cpu() : size == null ? 0 : size.cpu();
            int memory = p != null ? p.memory() : size == null ? 0 : size.memory();
            List<HostPort> ports = p != null ? ports(p.hostPorts()) : size == null ? List.of() : size.staticHostPorts();
            onFargate.add(new RunningTask(t.taskArn(), groupIn(clusterArn, t), t.taskDefinitionArn(), cpu, memory, ports,
                    t.seq()));
        }
        // Static host ports of EC2 tasks on the local engine are taken for FARGATE tasks too.
        List<InstanceRow> all = instances.all();
        String local = localEngine(all);
        Map<String, EngineLoad> engines = new HashMap<>();
        if (local != null) {
            Map<String, InstanceRow> byArn = new HashMap<>();
            all.forEach(i -> byArn.put(i.arn(), i));
            List<HostPort> taken = new ArrayList<>();
            for (PlacementRow p : placed.values()) {
                InstanceRow i = p.instanceArn() == null ? null : byArn.get(p.instanceArn());
                TaskRow t = running.get(p.taskArn());
                if (i != null && t != null && local.equals(i.engine())) taken.addAll(ports(p.hostPorts()));
            }
            engines.put(local, new EngineLoad(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0, taken));
        }
        return new ClusterSnapshot(clusterArn, List.of(new ContainerInstance(FARGATE, FARGATE, clusterArn, cpuUnits,
                FARGATE_MEMORY, Map.of(), InstanceStatus.ACTIVE, true, local, onFargate)), engines);
    }

    /** A task's own group: its service's, or the one a RunTask or StartTask gave it (its family's by default). */
    private static String ownGroup(TaskRow t) {
        if (t.serviceArn() != null) return group(t.serviceArn());
        if (t.group() != null) return t.group();
        String td = t.taskDefinitionArn().substring(t.taskDefinitionArn().lastIndexOf('/') + 1);
        return "family:" + (td.contains(":") ? td.substring(0, td.lastIndexOf(':')) : td);
    }

    /** A task's group as placement in {@code clusterArn} must see it. */
    private static String groupIn(String clusterArn, TaskRow t) {
        String own = t.serviceArn() != null ? group(t.serviceArn()) : t.group() == null ? "task" : t.group();
        return clusterArn.equals(t.clusterArn()) ? own : "cluster:" + t.clusterArn() + "/" + own;
    }

    /** The scheduler's task group of a service: "service:NAME". */
    public static String group(String serviceArn) {
        return "service:" + serviceArn.substring(serviceArn.lastIndexOf('/') + 1);
    }

    /**
     * A stable text of everything placement reads, so apply can tell whether the cluster changed
     * since the plan (the same snapshot and seed always place the same way).
     */
    public static String fingerprint(ClusterSnapshot s) {
        StringBuilder sb = new StringBuilder();
        for (ContainerInstance i : s.instances()) {
            sb.append(i.id()).append(' ').append(i.registeredCpu()).append(' ').append(i.registeredMemory()).append(' ')
                    .append(i.status()).append(' ').append(i.agentConnected()).append(' ')
                    .append(new TreeMap<>(i.attributes())).append(':');
            i.runningTasks().stream().map(RunningTask::taskId).sorted().forEach(t -> sb.append(t).append(','));
            sb.append('\n');
        }
        new TreeMap<>(s.engines()).forEach((engine, load) -> sb.append(engine).append(' ').append(load).append('\n'));
        return sb.toString();
    }

    static List<HostPort> ports(List<String> texts) {
        List<HostPort> out = new ArrayList<>();
        for (String t : texts) {
            int slash = t.indexOf('/');
            out.add(new HostPort(Integer.parseInt(t.substring(0, slash)), t.substring(slash + 1)));
        }
        return out;
    }
}
