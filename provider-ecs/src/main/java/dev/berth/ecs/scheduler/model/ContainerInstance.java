package dev.berth.ecs.scheduler.model;

import java.util.List;
import java.util.Map;

/**
 * A container instance as the scheduler sees it. Remaining capacity is derived from the running
 * tasks on every call rather than stored, so the two can never disagree.
 *
 * @param engine the Docker engine this instance runs on; instances sharing an engine also share
 *               its host ports
 */
public record ContainerInstance(String id, String ec2InstanceId, String cluster, int registeredCpu,
                                int registeredMemory, Map<String, String> attributes,
                                InstanceStatus status, boolean agentConnected, String engine,
                                List<RunningTask> runningTasks) {
    public static final String ZONE = "ecs.availability-zone";
    public static final String INSTANCE_TYPE = "ecs.instance-type";
    public static final String OS_TYPE = "ecs.os-type";

    public ContainerInstance {
        attributes = Map.copyOf(attributes);
        runningTasks = List.copyOf(runningTasks);
        if (engine == null) engine = id;
    }

    public int remainingCpu() {
        return registeredCpu - runningTasks.stream().mapToInt(RunningTask::cpu).sum();
    }

    public int remainingMemory() {
        return registeredMemory - runningTasks.stream().mapToInt(RunningTask::memory).sum();
    }

    public String zone() {
        return attributes.get(ZONE);
    }

    /** The name used in messages and previews: the EC2 id when known, else the full id. */
    public String shortName() {
        return ec2InstanceId != null ? ec2InstanceId : id;
    }

    public ContainerInstance withTasks(List<RunningTask> tasks) {
        return new ContainerInstance(id, ec2InstanceId, cluster, registeredCpu, registeredMemory,
                attributes, status, agentConnected, engine, tasks);
    }

    public ContainerInstance withStatus(InstanceStatus s) {
        return new ContainerInstance(id, ec2InstanceId, cluster, registeredCpu, registeredMemory,
                attributes, s, agentConnected, engine, runningTasks);
    }

    public ContainerInstance withAgentConnected(boolean connected) {
        return new ContainerInstance(id, ec2InstanceId, cluster, registeredCpu, registeredMemory,
                attributes, status, connected, engine, runningTasks);
    }
}
