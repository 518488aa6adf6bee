package dev.berth.ecs.runtime;

/**
 * What ECS's task metadata endpoint tells a task about itself beyond its containers: where it
 * runs, which revision it is, the task-level limits and the role its credentials stand for.
 * Null means "not known" and leaves the field out of the answer, as ECS does.
 *
 * @param clusterArn       the cluster's ARN
 * @param cpuUnits         the task-level cpu in CPU units (1024 per vCPU), or null
 * @param memoryMiB        the task-level memory in MiB, or null
 * @param launchType       EC2 or FARGATE
 * @param availabilityZone the container instance's {@code ecs.availability-zone}, or null
 * @param taskRoleArn      the task role (full ARN or short name, as registered), or null: then no
 *                         credentials endpoint
 * @param serviceName      the service's name for a service's task, else null
 */
public record TaskMetadata(String clusterArn, String family, long revision, Integer cpuUnits, Integer memoryMiB,
                           String launchType, String availabilityZone, String taskRoleArn, String serviceName) {

    /** RunTask's and StartTask's overrides of the task's size and role. */
    public TaskMetadata overridden(Integer cpu, Integer memory, String roleArn) {
        return new TaskMetadata(clusterArn, family, revision, cpu == null ? cpuUnits : cpu,
                memory == null ? memoryMiB : memory, launchType, availabilityZone,
                roleArn == null ? taskRoleArn : roleArn, serviceName);
    }
}
