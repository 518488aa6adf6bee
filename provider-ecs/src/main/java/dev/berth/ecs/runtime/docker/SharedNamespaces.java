package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.HostConfig;
import dev.berth.ecs.runtime.TaskPlatform;

/**
 * ECS's pidMode and ipcMode on Docker: {@code host} shares the engine host's namespace; {@code
 * task} gives the task one namespace that its first container owns and the others join; ipc
 * {@code none} gives each container a private one without /dev/shm.
 */
final class SharedNamespaces {
    private SharedNamespaces() {
    }

    /** {@code ownerId}: the task's first container, or null for the first container itself. */
    static void apply(HostConfig host, TaskPlatform platform, String ownerId) {
        if ("host".equals(platform.pidMode())) host.withPidMode("host");
        if ("task".equals(platform.pidMode()) && ownerId != null) host.withPidMode("container:" + ownerId);
        switch (platform.ipcMode() == null ? "" : platform.ipcMode()) {
            case "host" -> host.withIpcMode("host");
            case "none" -> host.withIpcMode("none");
            case "task" -> host.withIpcMode(ownerId == null ? "shareable" : "container:" + ownerId);
            default -> {
            }
        }
    }
}
