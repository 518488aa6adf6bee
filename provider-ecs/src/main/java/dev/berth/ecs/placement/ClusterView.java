package dev.berth.ecs.placement;

import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.Table;
import dev.berth.engine.provider.ProviderStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scheduler's picture of a cluster, built only from the provider's tables (what the last
 * refresh and apply recorded), so planning never reaches an engine.
 */
public final class ClusterView {
    private final Table<InstanceRow> instances;
    private final Table<PlacementRow> placements;
    private final Table<TaskRow> tasks;

    public ClusterView(ProviderStore store) {
        this.instances = new Table<>(store, InstanceRow.TABLE, InstanceRow.class);
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
        this.tasks = new Table<>(store, TaskRow.TABLE, TaskRow.class);
    }

    public List<InstanceRow> instancesOf(String clusterArn) {
        return instances.all().stream().filter(i -> i.clusterArn().equals(clusterArn)).toList();
    }

    /** Placements of tasks still recorded RUNNING, by task ARN. */
    public Map<String, PlacementRow> runningPlacements() {
        Map<String, TaskRow> running = new HashMap<>();
        for (TaskRow t : tasks.all()) if (t.running()) running.put(t.taskArn(), t);
        Map<String, PlacementRow> out = new TreeMap<>();
        for (PlacementRow p : placements.all()) if (running.containsKey(p.taskArn())) out.put(p.taskArn(), p);
        return out;
    }

    public ClusterSnapshot snapshot(String clusterArn) {
        Map<String, TaskRow> running = new HashMap<>();
        for (TaskRow t : tasks.all()) if (t.running()) running.put(t.taskArn(), t);
        Map<String, List<RunningTask>> byInstance = new HashMap<>();
        for (PlacementRow p : placements.all()) {
            TaskRow t = running.get(p.taskArn());
            if (t == null) continue;
            byInstance.computeIfAbsent(p.instanceArn(), k -> new ArrayList<>()).add(new RunningTask(p.taskArn(),
                    group(p.serviceArn()), t.taskDefinitionArn(), p.cpu(), p.memory(), ports(p.hostPorts()), t.seq()));
        }
        List<ContainerInstance> out = new ArrayList<>();
        for (InstanceRow i : instancesOf(clusterArn)) {
            out.add(new ContainerInstance(i.arn(), i.id(), clusterArn, i.cpu(), i.memory(), i.attributes(),
                    i.draining() ? InstanceStatus.DRAINING : InstanceStatus.ACTIVE, i.connected(), i.engine(),
                    byInstance.getOrDefault(i.arn(), List.of())));
        }
        return new ClusterSnapshot(clusterArn, out);
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
