package dev.berth.ecs.service;

import dev.berth.ecs.runtime.PublishedPort;
import dev.berth.ecs.runtime.StartOrder;
import dev.berth.ecs.runtime.TaskLife;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.taskdef.ContainerOrder;
import dev.berth.ecs.taskdef.ContainerSecrets;
import dev.berth.ecs.taskdef.PortMapping;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.schema.ServiceSchema.C_STATE;

/**
 * What each container of a task must look like on the engine, derived from its task definition
 * the way {@link dev.berth.ecs.task.LaunchTranslator} and the runtime launch it. Ports follow the network mode: in
 * awsvpc mode the first container publishes every port of the task, in bridge mode each its own,
 * in host and none mode nothing is published.
 */
final class TaskExpectation {
    private static final long MIB = 1024L * 1024L;

    private final String networkMode;
    private final List<ContainerDefinition> containers;
    /** "8080/tcp" to the fixed host port the definition asks for; dynamic ports are absent. */
    private final Map<String, Integer> fixedHostPorts = new HashMap<>();

    private TaskExpectation(TaskDefinitionRow td) {
        this.networkMode = td.networkMode() == null ? "" : td.networkMode().trim().toLowerCase();
        this.containers = ContainerDefinition.of(td);
        for (ContainerDefinition c : containers) {
            for (PortMapping p : PortMapping.expand(c.portMappings())) {
                // An awsvpc task publishes every port on a free loopback port (see TaskNetwork).
                if (p.hostPort() != null && p.hostPort() > 0 && !networkMode.equals("awsvpc")) {
                    fixedHostPorts.put(key(p), p.hostPort());
                }
            }
        }
    }

    static TaskExpectation of(TaskDefinitionRow td) {
        return new TaskExpectation(td);
    }

    List<ContainerDefinition> definitions() {
        return containers;
    }

    List<ContainerView> containers() {
        List<ContainerView> out = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition c = containers.get(i);
            out.add(new ContainerView(c.name(), c.image(), cpuShares(c), c.memory(), c.memoryReservation(),
                    visibleEnvironment(c), expectedPorts(i),
                    // A non-essential container may run or have exited (an init container does by design).
                    TaskLife.endsTask(c.effectiveEssential()) ? ContainerView.RUNNING : null, 0));
        }
        return out;
    }

    /**
     * The variables compared with the engine: a variable a secret sets is never read back, even
     * when {@code environment} names it too (the secret wins, as on ECS), so no value reaches the state.
     */
    private static Map<String, String> visibleEnvironment(ContainerDefinition c) {
        Map<String, String> secrets = ContainerSecrets.of(c).byVariable();
        if (secrets.isEmpty()) return c.environment();
        Map<String, String> out = new java.util.TreeMap<>(c.environment());
        out.keySet().removeAll(secrets.keySet());
        return out;
    }

    /**
     * Whether a task's observed containers (as state values) are what the definition asks for.
     * A non-essential container may stop without harming its task, as in ECS, so its state is
     * not compared: otherwise a sidecar that finishes by design would be replaced forever.
     */
    boolean matches(List<Value> observed) {
        List<ContainerView> expected = containers();
        if (observed.size() != expected.size()) return false;
        for (int i = 0; i < expected.size(); i++) {
            if (!(observed.get(i).unmarked() instanceof MapValue seen)) return false;
            MapValue want = (MapValue) expected.get(i).toValue();
            if (!TaskLife.endsTask(containers.get(i).effectiveEssential())) want = want.with(C_STATE, seen.get(C_STATE));
            if (!want.equals(seen)) return false;
        }
        return true;
    }

    /** The container publishing an awsvpc task's ports: the namespace owner the runtime picks. */
    private int namespaceOwner() {
        return StartOrder.namespaceOwner(containers.stream().map(c -> new StartOrder.Member(c.name(),
                c.effectiveEssential(), ContainerOrder.of(c).lifecycle())).toList());
    }

    /** A cpu value as Docker enforces it: shares, raised to Docker's minimum as at launch. */
    static Integer cpuShares(ContainerDefinition c) {
        return dev.berth.ecs.task.LaunchTranslator.cpuShares(c.cpu());
    }

    private List<String> expectedPorts(int index) {
        List<PortMapping> published = new ArrayList<>();
        switch (networkMode) {
            case "awsvpc" -> {
                if (index == namespaceOwner()) containers.forEach(c -> published.addAll(PortMapping.expand(c.portMappings())));
            }
            case "bridge" -> published.addAll(PortMapping.expand(containers.get(index).portMappings()));
            default -> {
                // host: the container binds the host's interfaces itself; none: nothing to publish.
            }
        }
        return published.stream().map(p -> label(key(p), fixedHostPorts.get(key(p)))).sorted().toList();
    }

    /**
     * A published port as it is compared: the host port only counts when the definition fixes
     * it, since a dynamic port is a new one each time and is not drift.
     */
    String observedPort(PublishedPort p) {
        String key = p.containerPort() + "/" + p.protocol();
        return label(key, fixedHostPorts.containsKey(key) ? Integer.valueOf(p.hostPort()) : null);
    }

    /** Memory in MiB as a task definition states it; 0 (Docker's "no limit") is unset. */
    static Integer mib(long bytes) {
        return bytes <= 0 ? null : (int) (bytes / MIB);
    }

    private static String key(PortMapping p) {
        return p.containerPort() + "/" + p.effectiveProtocol();
    }

    private static String label(String key, Integer hostPort) {
        return hostPort == null ? key : key + "->" + hostPort;
    }
}
