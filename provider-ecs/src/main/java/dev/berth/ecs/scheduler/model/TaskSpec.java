package dev.berth.ecs.scheduler.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The task definition as placement sees it. Task-level cpu/memory, when given, is the reservation
 * (it is what ECS reserves even when containers ask for less); otherwise the container sums.
 */
public record TaskSpec(String family, String taskDefinition, Integer taskCpu, Integer taskMemory,
                       NetworkMode networkMode, List<ContainerSpec> containers,
                       List<String> memberOf) {
    public TaskSpec {
        containers = List.copyOf(containers);
        memberOf = memberOf == null ? List.of() : List.copyOf(memberOf);
        if (networkMode == null) networkMode = NetworkMode.BRIDGE;
        if (taskDefinition == null) taskDefinition = family + ":1";
    }

    /**
     * A task without placement constraints of its own. {@code memberOf} holds the cluster query
     * expressions of its task definition's constraints, which bind as a request's do.
     */
    public TaskSpec(String family, String taskDefinition, Integer taskCpu, Integer taskMemory,
                    NetworkMode networkMode, List<ContainerSpec> containers) {
        this(family, taskDefinition, taskCpu, taskMemory, networkMode, containers, List.of());
    }

    public int cpu() {
        if (taskCpu != null) return taskCpu;
        return containers.stream().mapToInt(c -> c.cpu() == null ? 0 : c.cpu()).sum();
    }

    public int memory() {
        if (taskMemory != null) return taskMemory;
        return containers.stream().mapToInt(ContainerSpec::reservedMemory).sum();
    }

    /**
     * The static host ports one copy of this task holds. In host mode the container port is the
     * host port; in bridge mode only explicit non-zero host ports; awsvpc and none hold none.
     */
    public List<HostPort> staticHostPorts() {
        if (!networkMode.occupiesHostPorts()) return List.of();
        Set<HostPort> ports = new LinkedHashSet<>();
        for (ContainerSpec c : containers) {
            for (PortSpec p : c.portMappings()) {
                if (networkMode == NetworkMode.HOST) ports.add(new HostPort(p.containerPort(), p.protocol()));
                else if (!p.isDynamic()) ports.add(new HostPort(p.hostPort(), p.protocol()));
            }
        }
        return new ArrayList<>(ports);
    }

    /** Problems that make the definition unplaceable whatever the cluster looks like. */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (containers.isEmpty()) errors.add("task definition " + family + " has no containers");
        for (ContainerSpec c : containers) {
            if (taskMemory == null && c.memory() == null && c.memoryReservation() == null) {
                errors.add("container " + c.name() + " needs memory or memoryReservation when the task has no task-level memory");
            }
        }
        return errors;
    }
}
