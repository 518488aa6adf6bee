package dev.berth.ecs.store;

/**
 * A row of the {@code services} table, keyed by service ARN: what the control plane knows of a
 * service beyond the resource state, so import and the scheduler can find it.
 */
public record ServiceRow(String arn, String name, String clusterArn, String taskDefinition, String taskDefinitionArn,
                         int desiredCount, String launchType, String status) {
    public static final String TABLE = "services";

    /** The same service deploying {@code arn}, named by the reference {@code ref} (family, family:revision or ARN). */
    public ServiceRow withTaskDefinition(String ref, String arn) {
        return new ServiceRow(this.arn, name, clusterArn, ref, arn, desiredCount, launchType, status);
    }
}
