package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.ContainerSpec;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.NetworkMode;
import dev.berth.ecs.scheduler.model.PortSpec;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.scheduler.model.TaskSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small builders so tests read like the scenario they check. */
final class Fixtures {
    private Fixtures() {
    }

    static ContainerInstance instance(String id, String zone, String type, int cpu, int memory) {
        return new ContainerInstance(id, id, "prod", cpu, memory,
                Map.of(ContainerInstance.ZONE, zone, ContainerInstance.INSTANCE_TYPE, type, ContainerInstance.OS_TYPE, "linux"),
                InstanceStatus.ACTIVE, true, "engine-" + id, List.of());
    }

    static ContainerInstance onEngine(ContainerInstance i, String engine) {
        return new ContainerInstance(i.id(), i.ec2InstanceId(), i.cluster(), i.registeredCpu(), i.registeredMemory(),
                i.attributes(), i.status(), i.agentConnected(), engine, i.runningTasks());
    }

    static ClusterSnapshot cluster(ContainerInstance... instances) {
        return new ClusterSnapshot("prod", Arrays.asList(instances));
    }

    static TaskSpec task(String family, int cpu, int memory, PortSpec... ports) {
        return new TaskSpec(family, family + ":1", null, null, NetworkMode.BRIDGE,
                List.of(new ContainerSpec("app", cpu, memory, null, List.of(ports))));
    }

    static TaskSpec task(String family, NetworkMode mode, int cpu, int memory, PortSpec... ports) {
        return new TaskSpec(family, family + ":1", null, null, mode,
                List.of(new ContainerSpec("app", cpu, memory, null, List.of(ports))));
    }

    static PortSpec staticPort(int port) {
        return new PortSpec(port, port, "tcp");
    }

    static PortSpec dynamicPort(int containerPort) {
        return new PortSpec(containerPort, 0, "tcp");
    }

    static PlacementRequest request(String group, TaskSpec task, int count, List<Constraint> constraints, List<Strategy> strategies) {
        return new PlacementRequest(group, task, count, constraints, strategies, 42L);
    }

    static RunningTask running(String id, String group, int cpu, int memory, long startedAt) {
        return new RunningTask(id, group, group.substring(group.indexOf(':') + 1) + ":1", cpu, memory, List.of(), startedAt);
    }

    static ContainerInstance with(ContainerInstance i, RunningTask... tasks) {
        return i.withTasks(List.of(tasks));
    }
}
