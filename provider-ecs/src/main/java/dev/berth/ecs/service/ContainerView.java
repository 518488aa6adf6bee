package dev.berth.ecs.service;

import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.berth.ecs.schema.ServiceSchema.C_CPU_SHARES;
import static dev.berth.ecs.schema.ServiceSchema.C_ENVIRONMENT;
import static dev.berth.ecs.schema.ServiceSchema.C_IMAGE;
import static dev.berth.ecs.schema.ServiceSchema.C_MEMORY;
import static dev.berth.ecs.schema.ServiceSchema.C_MEMORY_RESERVATION;
import static dev.berth.ecs.schema.ServiceSchema.C_NAME;
import static dev.berth.ecs.schema.ServiceSchema.C_PORTS;
import static dev.berth.ecs.schema.ServiceSchema.C_RESTARTS;
import static dev.berth.ecs.schema.ServiceSchema.C_STATE;

/**
 * One container of a task in the terms a task definition uses (MiB, shares, the variables it
 * sets), whether expected from the definition or observed on the engine: the same shape on
 * both sides is what lets any difference show as {@code old -> new}. Null means "not set".
 */
record ContainerView(String name, String image, Integer cpuShares, Integer memoryMiB, Integer memoryReservationMiB,
                     Map<String, String> environment, List<String> ports, String state, int restarts) {
    static final String RUNNING = "running";
    /** The state of a container the task needs but the engine no longer has. */
    static final String REMOVED = "removed";

    ContainerView {
        environment = new TreeMap<>(environment);
        ports = List.copyOf(ports);
    }

    static ContainerView removed(String name) {
        return new ContainerView(name, null, null, null, null, Map.of(), List.of(), REMOVED, 0);
    }

    Value toValue() {
        Map<String, Value> m = new TreeMap<>();
        m.put(C_NAME, Value.of(name));
        m.put(C_IMAGE, image == null ? Value.nil() : Value.of(image));
        m.put(C_CPU_SHARES, number(cpuShares));
        m.put(C_MEMORY, number(memoryMiB));
        m.put(C_MEMORY_RESERVATION, number(memoryReservationMiB));
        Map<String, Value> env = new TreeMap<>();
        environment.forEach((k, v) -> env.put(k, Value.of(v)));
        m.put(C_ENVIRONMENT, Value.map(env));
        m.put(C_PORTS, Value.list(ports.stream().map(Value::of).toList()));
        m.put(C_STATE, Value.of(state));
        m.put(C_RESTARTS, Value.of(restarts));
        return new MapValue(m);
    }

    /** berth's addition to ECS's container shape, carrying this view across the API. */
    dev.berth.ecs.api.TaskCalls.DockerContainer toApi() {
        return new dev.berth.ecs.api.TaskCalls.DockerContainer(image, cpuShares, memoryMiB, memoryReservationMiB,
                environment, ports, state, restarts);
    }

    static ContainerView of(String name, dev.berth.ecs.api.TaskCalls.DockerContainer d) {
        return new ContainerView(name, d.image(), d.cpuShares(), d.memory(), d.memoryReservation(),
                d.environment() == null ? Map.of() : d.environment(), d.ports() == null ? List.of() : d.ports(),
                d.state(), d.restarts() == null ? 0 : d.restarts());
    }

    static Value toValue(List<ContainerView> views) {
        return Value.list(views.stream().map(ContainerView::toValue).toList());
    }

    private static Value number(Integer n) {
        return n == null ? Value.nil() : Value.of(n);
    }
}
