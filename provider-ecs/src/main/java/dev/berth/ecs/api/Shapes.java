package dev.berth.ecs.api;

import java.util.List;

/**
 * The value shapes several ECS actions share, named and spelled as in ECS's API reference
 * (camelCase fields, absent fields null), so one record serves the JSON protocol, the CLI's
 * output and the Java callers alike.
 */
public interface Shapes {
    /** A resource tag. */
    record Tag(String key, String value) {
    }

    /** One item a batch call could not do: the ARN or name asked for, and ECS's reason. */
    record Failure(String arn, String reason, String detail) {
        public Failure(String arn, String reason) {
            this(arn, reason, null);
        }
    }

    /** A name/value pair (environment variables in overrides, cluster settings). */
    record KeyValuePair(String name, String value) {
    }

    /** A container instance attribute, e.g. {@code ecs.availability-zone}. */
    record Attribute(String name, String value, String targetType, String targetId) {
        public Attribute(String name, String value) {
            this(name, value, null, null);
        }
    }

    /** A resource of a container instance: CPU and MEMORY as INTEGER, PORTS as STRINGSET. */
    record Resource(String name, String type, Double doubleValue, Long longValue, Integer integerValue,
                    List<String> stringSetValue) {
        public static Resource integer(String name, int value) {
            return new Resource(name, "INTEGER", 0.0, 0L, value, null);
        }

        public static Resource stringSet(String name, List<String> values) {
            return new Resource(name, "STRINGSET", 0.0, 0L, 0, values);
        }
    }

    /** Where a container's port is published. */
    record NetworkBinding(String bindIP, Integer containerPort, Integer hostPort, String protocol) {
    }

    /** binpack / spread / random, with its field (cpu, memory, instanceId, attribute:...). */
    record PlacementStrategy(String type, String field) {
    }

    /** distinctInstance, or memberOf with a cluster query language expression. */
    record PlacementConstraint(String type, String expression) {
    }

    record DeploymentCircuitBreaker(Boolean enable, Boolean rollback) {
    }

    record DeploymentConfiguration(DeploymentCircuitBreaker deploymentCircuitBreaker, Integer maximumPercent,
                                   Integer minimumHealthyPercent) {
    }

    /** What a run-task or start-task changes for one container. */
    record ContainerOverride(String name, List<String> command, List<KeyValuePair> environment, Integer cpu,
                             Integer memory, Integer memoryReservation) {
    }

    record TaskOverride(List<ContainerOverride> containerOverrides, String cpu, String memory, String executionRoleArn,
                        String taskRoleArn) {
    }

    /** What a container instance runs: berth's version and its Docker engine's. */
    record VersionInfo(String agentVersion, String agentHash, String dockerVersion) {
    }
}
