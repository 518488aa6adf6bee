package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;

/**
 * A container that asks for GPUs on an engine with no GPU driver: dockerd accepts the create and
 * refuses the start ("could not select device driver"), which berth says in plain words.
 */
final class GpuFailures {
    private GpuFailures() {
    }

    static boolean isMissingDriver(ContainerLaunch c, RuntimeException e) {
        return c.settings().gpus() > 0 && e.getMessage() != null
                && e.getMessage().contains("could not select device driver");
    }

    static RuntimeFailure missingDriver(TaskLaunch task, ContainerLaunch c) {
        return new RuntimeFailure("Container \"" + c.name() + "\" of task " + task.taskArn() + " requires "
                + c.settings().gpus() + " GPU" + (c.settings().gpus() == 1 ? "" : "s")
                + ", but the Docker engine has no GPU: it has no device driver for GPUs (such as the NVIDIA "
                + "Container Toolkit).", null);
    }
}
