package dev.berth.ecs.task;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.store.InstanceRow;

/**
 * Privileged containers run only where the container instance allows them. ECS's agent
 * advertises the capability {@value #CAPABILITY} unless ECS_DISABLE_PRIVILEGED is set; a berth
 * instance is someone's own Docker engine, so it allows them only when its attributes carry that
 * capability (any value), given on purpose in {@code ecs_container_instance} or to
 * {@code berth agent --attribute}. FARGATE never does.
 */
final class PrivilegedCheck {
    static final String CAPABILITY = dev.berth.ecs.taskdef.ContainerOptions.PRIVILEGED_CAPABILITY;

    private PrivilegedCheck() {
    }

    static void require(TaskLaunch launch, InstanceRow instance) {
        for (ContainerLaunch c : launch.containers()) {
            if (!c.settings().privileged()) continue;
            if (instance == null) {
                throw new RuntimeFailure("Tasks using the Fargate launch type do not support privileged containers "
                        + "(container \"" + c.name() + "\").", null);
            }
            if (!instance.attributes().containsKey(CAPABILITY)) {
                throw new RuntimeFailure("Container \"" + c.name() + "\" is privileged, but container instance "
                        + instance.id() + " does not allow privileged containers; give the instance the attribute "
                        + CAPABILITY + " to allow them.", null);
            }
        }
    }
}
