package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.scheduler.query.InstanceFacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An independent check of every binding rule, written straight from the model (task lists, no
 * counters), used to replay the scheduler's placements one by one.
 */
final class Oracle {
    private final Map<String, ContainerInstance> instances = new HashMap<>();
    private final Map<String, List<RunningTask>> tasks = new HashMap<>();

    Oracle(ClusterSnapshot s) {
        for (ContainerInstance i : s.instances()) {
            instances.put(i.id(), i);
            tasks.put(i.id(), new ArrayList<>(i.runningTasks()));
        }
    }

    /** Null when the task may go on the instance now, else what is violated. */
    String violation(PlacementRequest req, String instanceId) {
        ContainerInstance inst = instances.get(instanceId);
        List<RunningTask> on = tasks.get(instanceId);
        if (!inst.agentConnected()) return "agent disconnected";
        if (inst.status() != InstanceStatus.ACTIVE) return "not active";
        int cpu = on.stream().mapToInt(RunningTask::cpu).sum() + req.task().cpu();
        int mem = on.stream().mapToInt(RunningTask::memory).sum() + req.task().memory();
        if (cpu > inst.registeredCpu()) return "cpu over-committed " + cpu + " > " + inst.registeredCpu();
        if (mem > inst.registeredMemory()) return "memory over-committed " + mem + " > " + inst.registeredMemory();
        for (HostPort p : req.task().staticHostPorts()) {
            for (ContainerInstance other : instances.values()) {
                if (!other.engine().equals(inst.engine())) continue;
                for (RunningTask t : tasks.get(other.id())) {
                    if (t.hostPorts().contains(p)) return "port " + p + " collides on engine " + inst.engine();
                }
            }
        }
        for (Constraint c : req.constraints()) {
            if (c instanceof Constraint.DistinctInstance && on.stream().anyMatch(t -> t.group().equals(req.group()))) {
                return "distinctInstance violated";
            }
            if (c instanceof Constraint.MemberOf m && !m.expr().test(facts(inst, on))) return c + " violated";
        }
        return null;
    }

    void start(String instanceId, RunningTask t) {
        tasks.get(instanceId).add(t);
    }

    static InstanceFacts facts(ContainerInstance inst, List<RunningTask> on) {
        return new InstanceFacts() {
            public String attribute(String name) {
                return inst.attributes().get(name);
            }

            public String ec2InstanceId() {
                return inst.ec2InstanceId();
            }

            public boolean agentConnected() {
                return inst.agentConnected();
            }

            public int runningTasksCount() {
                return on.size();
            }

            public boolean anyTaskGroup(Predicate<String> test) {
                return on.stream().anyMatch(t -> test.test(t.group()));
            }
        };
    }
}
