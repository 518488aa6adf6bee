package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;

import java.util.ArrayList;
import java.util.List;

/**
 * How a task's ECS network mode becomes Docker network modes and port publications.
 * In awsvpc mode (Fargate) a task has one network namespace: the first container joins the
 * task's network and publishes every port of the task; the others join its namespace, so the
 * containers reach each other on localhost as they do on Fargate.
 */
final class TaskNetwork {
    /** A port mapping and the container whose definition declared it. */
    record Declared(String containerName, PortBinding binding) {
    }

    private final TaskLaunch task;
    private final String mode;

    private TaskNetwork(TaskLaunch task, String mode) {
        this.task = task;
        this.mode = mode;
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

    /** Docker's network mode for the container at {@code index}; {@code ownerId} is the first one's id. */
    String dockerMode(int index, String ownerId) {
        return switch (mode) {
            case "awsvpc" -> index == 0 ? task.networkName() : "container:" + ownerId;
            case "bridge" -> task.networkName();
            default -> mode;
        };
    }

    /** The port mappings the container at {@code index} publishes on 127.0.0.1. */
    List<Declared> publishedBy(int index) {
        List<Declared> result = new ArrayList<>();
        switch (mode) {
            case "awsvpc" -> {
                if (index == 0) {
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
