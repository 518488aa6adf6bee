package dev.berth.ecs.resource;

/**
 * Docker labels berth puts on what it creates. They let a single list call find a service's
 * containers and tie each container back to its task, even when the store was lost.
 */
public final class EcsLabels {
    public static final String CLUSTER = "dev.berth.cluster";
    public static final String SERVICE = "dev.berth.service";
    public static final String TASK_ARN = "dev.berth.task-arn";
    public static final String TASK_DEFINITION = "dev.berth.task-definition";
    /** The container instance ARN an EC2 task was placed on. */
    public static final String CONTAINER_INSTANCE = "dev.berth.container-instance";
    /** Added by the runtime to each container. */
    public static final String CONTAINER_NAME = "dev.berth.container-name";

    private EcsLabels() {
    }
}
