package dev.berth.ecs.task;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.taskdef.ContainerSecrets;
import dev.berth.ecs.taskdef.PortMapping;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translates a task definition from ECS terms into what the container runtime launches. */
public final class LaunchTranslator {
    /** Docker's smallest CPU share; the ECS agent raises lower values to it too. */
    public static final int MIN_CPU_SHARES = 2;

    private LaunchTranslator() {
    }

    public static TaskLaunch launch(String taskArn, String network, TaskDefinitionRow td, Map<String, String> labels) {
        List<ContainerLaunch> containers = new ArrayList<>();
        for (ContainerDefinition c : ContainerDefinition.of(td)) containers.add(container(c));
        return new TaskLaunch(taskArn, network, td.networkMode(), labels, containers);
    }

    static ContainerLaunch container(ContainerDefinition c) {
        Integer shares = c.cpu() == null ? null : Math.max(MIN_CPU_SHARES, c.cpu());
        List<PortBinding> ports = new ArrayList<>();
        for (PortMapping p : c.portMappings()) {
            ports.add(new PortBinding(p.containerPort(), p.hostPort() == null ? 0 : p.hostPort(), p.effectiveProtocol()));
        }
        return new ContainerLaunch(c.name(), c.image(), shares, c.memory(), c.memoryReservation(), ports,
                c.environment(), c.entryPoint(), c.command(), c.effectiveEssential(), health(c.healthCheck()),
                ContainerSecrets.of(c).byVariable());
    }

    static dev.berth.ecs.runtime.HealthProbe health(dev.berth.ecs.taskdef.HealthCheck h) {
        if (h == null) return null;
        return new dev.berth.ecs.runtime.HealthProbe(h.command(), h.effectiveInterval(), h.effectiveTimeout(),
                h.effectiveRetries(), h.effectiveStartPeriod());
    }
}
