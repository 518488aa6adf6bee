package dev.berth.ecs.placement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.scheduler.model.ContainerSpec;
import dev.berth.ecs.scheduler.model.NetworkMode;
import dev.berth.ecs.scheduler.model.PortSpec;
import dev.berth.ecs.scheduler.model.TaskSpec;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.taskdef.HostAccess;
import dev.berth.ecs.taskdef.PortMapping;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.taskdef.TaskSize;
import dev.berth.ecs.taskdef.fields.TaskFields;

import java.util.ArrayList;
import java.util.List;

/** A registered task definition as placement sees it. */
public final class TaskSpecs {
    private TaskSpecs() {
    }

    public static TaskSpec of(TaskDefinitionRow td) {
        List<ContainerSpec> containers = new ArrayList<>();
        for (ContainerDefinition c : ContainerDefinition.of(td)) {
            List<PortSpec> ports = new ArrayList<>();
            for (PortMapping p : PortMapping.expand(c.portMappings())) {
                ports.add(new PortSpec(p.containerPort(), p.hostPort(), p.effectiveProtocol()));
            }
            containers.add(new ContainerSpec(c.name(), c.cpu(), c.memory(), c.memoryReservation(), ports));
        }
        // EC2 task definitions default to bridge, as on ECS.
        NetworkMode mode = td.networkMode() == null ? NetworkMode.BRIDGE : NetworkMode.parse(td.networkMode());
        return new TaskSpec(td.family(), td.arn(), TaskSize.cpuUnits(td.cpu()).orElse(null),
                TaskSize.memoryMiB(td.memory()).orElse(null), mode, containers, constraints(td));
    }

    /** The expressions of the revision's own placement constraints (memberOf only, checked at registration). */
    static List<String> constraints(TaskDefinitionRow td) {
        List<String> out = new ArrayList<>();
        JsonNode given = TaskFields.get(td, "placementConstraints");
        if (given != null) for (JsonNode c : given) out.add(c.path("expression").asText());
        // As ECS adds the agent's capability to a revision's requiresAttributes: privileged
        // containers, host networking and sensitive host paths go only where the instance allows them.
        for (HostAccess.Need n : HostAccess.needs(td)) out.add(n.expression());
        return out;
    }
}
