package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.StartOrder;
import dev.berth.ecs.runtime.TaskLaunch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a task's ECS network mode becomes Docker network modes and port publications.
 * In awsvpc mode (Fargate) a task has one network namespace: its owner (the first container
 * that runs for the whole task, {@link StartOrder#namespaceOwner}) joins the task's network and
 * publishes every port of the task; the others join its namespace, so the containers reach each
 * other on localhost as they do on Fargate. Init containers the owner waits for run before it
 * exists, so they get namespaces of their own on the task's network.
 */
final class TaskNetwork {
    /** A port mapping and the container whose definition declared it. */
    record Declared(String containerName, PortBinding binding) {
    }

    private final TaskLaunch task;
    private final String mode;
    private final List<StartOrder.Member> members;
    private final int owner;
    private final Set<String> ownNamespace = new HashSet<>();

    private TaskNetwork(TaskLaunch task, String mode) {
        this.task = task;
        this.mode = mode;
        List<StartOrder.Member> declared = task.containers().stream().map(ContainerLaunch::member).toList();
        if (mode.equals("awsvpc") && !declared.isEmpty()) {
            this.owner = StartOrder.namespaceOwner(declared);
            String ownerName = declared.get(owner).name();
            ownNamespace.add(ownerName);
            ownNamespace.addAll(StartOrder.ancestors(declared, ownerName));
            this.members = StartOrder.joiningNamespace(declared, owner);
        } else {
            this.owner = 0;
            this.members = declared;
        }
    }

    static TaskNetwork of(TaskLaunch task) {
        String mode = task.networkMode() == null ? "" : task.networkMode().trim().toLowerCase();
        switch (mode) {
            case "awsvpc", "bridge" -> {
                if (task.networkName() == null || task.networkName().isBlank()) {
                    throw new RuntimeFailure("Task " + task.taskArn() + " uses network mode " + mode
                            + " but names no Docker network to join.", null);
                }
            }
            case "host", "none" -> {
            }
            default -> throw new RuntimeFailure("Network mode \"" + task.networkMode() + "\" of task "
                    + task.taskArn() + " is not supported; use awsvpc, bridge, host or none.", null);
        }
        return new TaskNetwork(task, mode);
    }

    boolean sharesNamespace() {
        return mode.equals("awsvpc");
    }

    /** The index of the container whose namespace the others join (awsvpc; 0 otherwise). */
    int owner() {
        return owner;
    }

    /** The task's containers as the start order sees them, with the waits the namespace adds. */
    List<StartOrder.Member> members() {
        return members;
    }

    /** Indexes in the order to create the containers: the namespace owner before those joining it. */
    List<Integer> creationOrder() {
        List<Integer> order = new ArrayList<>();
        order.add(owner);
        for (int i = 0; i < task.containers().size(); i++) if (i != owner) order.add(i);
        return order;
    }

    /** Docker's network mode for the container at {@code index}; {@code ownerId} is the namespace owner's id. */
    String dockerMode(int index, String ownerId) {
        return switch (mode) {
            case "awsvpc" -> ownNamespace.contains(task.containers().get(index).name()) ? task.networkName()
                    : "container:" + ownerId;
            case "bridge" -> task.networkName();
            default -> mode;
        };
    }

    /** The port mappings the container at {@code index} publishes on 127.0.0.1. */
    List<Declared> publishedBy(int index) {
        List<Declared> result = new ArrayList<>();
        switch (mode) {
            case "awsvpc" -> {
                if (index == owner) {
                    // The task's own address stands on a free loopback port: in awsvpc a host port
                    // is the task's container port (ECS fills it in), not a port of this machine.
                    for (ContainerLaunch c : task.containers()) {
                        c.ports().forEach(p -> result.add(new Declared(c.name(),
                                new PortBinding(p.containerPort(), 0, p.protocol()))));
                    }
                }
            }
            case "bridge" -> {
                ContainerLaunch c = task.containers().get(index);
                c.ports().forEach(p -> result.add(new Declared(c.name(), p)));
            }
            default -> {
                // host: the container binds the host's interfaces itself; none: nothing to publish.
            }
        }
        return result;
    }
}
