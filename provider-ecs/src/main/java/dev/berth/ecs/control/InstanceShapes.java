package dev.berth.ecs.control;

import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.Shapes.Attribute;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.scheduler.query.InstanceFacts;
import dev.berth.ecs.store.TaskRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Container instances in ECS's shape, read from one picture of their cluster (the same one the
 * scheduler places with), so remaining resources, ports and task counts agree with placement.
 */
final class InstanceShapes {
    static final String INACTIVE = "INACTIVE";

    private final World world;
    private final ClusterSnapshot snapshot;
    private final Map<String, Integer> pending = new HashMap<>();

    InstanceShapes(World world, ClusterView view, String clusterArn) {
        this.world = world;
        this.snapshot = view.snapshot(clusterArn);
        dev.berth.ecs.store.TaskIndex tasks = new dev.berth.ecs.store.TaskTable(world.store).index();
        for (PlacementRow p : world.placements.all()) {
            TaskRow t = tasks.row(p.taskArn()).orElse(null);
            boolean waiting = t != null && (TaskRow.PENDING.equals(t.status()) || TaskRow.PROVISIONING.equals(t.status()));
            if (waiting && p.instanceArn() != null) {
                pending.merge(p.instanceArn(), 1, Integer::sum);
            }
        }
    }

    List<RunningTask> running(String instanceArn) {
        return snapshot.instance(instanceArn).map(dev.berth.ecs.scheduler.model.ContainerInstance::runningTasks)
                .orElse(List.of());
    }

    int pending(String instanceArn) {
        return pending.getOrDefault(instanceArn, 0);
    }

    ContainerInstance describe(InstanceRow row, boolean connected, boolean withTags) {
        boolean inactive = INACTIVE.equals(row.status());
        List<RunningTask> tasks = inactive ? List.of() : running(row.arn());
        int usedCpu = tasks.stream().mapToInt(RunningTask::cpu).sum();
        int usedMemory = tasks.stream().mapToInt(RunningTask::memory).sum();
        TreeSet<String> tcp = new TreeSet<>(), udp = new TreeSet<>();
        for (RunningTask t : tasks) {
            for (HostPort p : t.hostPorts()) (p.protocol().equals("udp") ? udp : tcp).add(String.valueOf(p.port()));
        }
        List<Resource> registered = List.of(Resource.integer("CPU", row.cpu()), Resource.integer("MEMORY", row.memory()),
                Resource.stringSet("PORTS", List.of()), Resource.stringSet("PORTS_UDP", List.of()));
        // As in ECS, remaining PORTS lists the host ports that are taken.
        List<Resource> remaining = List.of(Resource.integer("CPU", row.cpu() - usedCpu),
                Resource.integer("MEMORY", row.memory() - usedMemory), Resource.stringSet("PORTS", List.copyOf(tcp)),
                Resource.stringSet("PORTS_UDP", List.copyOf(udp)));
        List<Attribute> attributes = new ArrayList<>();
        row.attributes().forEach((k, v) -> attributes.add(new Attribute(k, v)));
        return new ContainerInstance(row.arn(), row.id(), row.status(), null, !inactive && connected, tasks.size(),
                inactive ? 0 : pending(row.arn()), registered, remaining, attributes, null, null,
                withTags ? Tags.list(world.tags.of(row.arn())) : null, null, row.dockerHost());
    }

    /** What the cluster query language may ask of an instance. */
    InstanceFacts facts(InstanceRow row) {
        List<RunningTask> tasks = running(row.arn());
        return new InstanceFacts() {
            public String attribute(String name) {
                return row.attributes().get(name);
            }

            public String ec2InstanceId() {
                return row.id();
            }

            public boolean agentConnected() {
                return row.connected();
            }

            public int runningTasksCount() {
                return tasks.size();
            }

            public boolean anyTaskGroup(Predicate<String> test) {
                return tasks.stream().anyMatch(t -> test.test(t.group()));
            }
        };
    }
}
