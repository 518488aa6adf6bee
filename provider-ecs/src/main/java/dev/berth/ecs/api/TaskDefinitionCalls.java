package dev.berth.ecs.api;

import dev.berth.ecs.api.Shapes.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * ECS's task definition actions. A task definition is named as ECS names it: {@code family}
 * (its latest ACTIVE revision), {@code family:revision} or an ARN. Container definitions and
 * volumes travel in ECS's JSON shape as they are; the control plane validates them.
 */
public interface TaskDefinitionCalls {
    RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request);

    DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request);

    ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest request);

    ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request);

    DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest request);

    /**
     * A registered revision. The components after {@code registeredBy} are ECS's task-level
     * fields of berth's {@code TaskFields} table, in ECS's JSON shape.
     */
    record TaskDefinition(String taskDefinitionArn, List<Map<String, Object>> containerDefinitions, String family,
                          String taskRoleArn, String executionRoleArn, String networkMode, Integer revision,
                          List<Map<String, Object>> volumes, String status, List<String> compatibilities,
                          List<String> requiresCompatibilities, String cpu, String memory, Instant registeredAt,
                          Instant deregisteredAt, String registeredBy,
                          List<Map<String, Object>> placementConstraints, String pidMode, String ipcMode,
                          Map<String, Object> proxyConfiguration, List<Map<String, Object>> inferenceAccelerators,
                          Map<String, Object> ephemeralStorage, Map<String, Object> runtimePlatform,
                          Boolean enableFaultInjection) {
    }

    /**
     * {@code clientToken} is berth's addition: a register retried with the token of one that
     * already registered a revision returns that revision instead of registering another.
     */
    record RegisterTaskDefinitionRequest(String family, String taskRoleArn, String executionRoleArn,
                                         String networkMode, List<Map<String, Object>> containerDefinitions,
                                         List<Map<String, Object>> volumes, List<String> requiresCompatibilities,
                                         String cpu, String memory, List<Tag> tags, String clientToken,
                                         List<Map<String, Object>> placementConstraints, String pidMode,
                                         String ipcMode, Map<String, Object> proxyConfiguration,
                                         List<Map<String, Object>> inferenceAccelerators,
                                         Map<String, Object> ephemeralStorage, Map<String, Object> runtimePlatform,
                                         Boolean enableFaultInjection) {
        public RegisterTaskDefinitionRequest(String family, String taskRoleArn, String executionRoleArn,
                                             String networkMode, List<Map<String, Object>> containerDefinitions,
                                             List<Map<String, Object>> volumes, List<String> requiresCompatibilities,
                                             String cpu, String memory, List<Tag> tags, String clientToken) {
            this(family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes,
                    requiresCompatibilities, cpu, memory, tags, clientToken, null, null, null, null, null, null, null,
                    null);
        }

        public RegisterTaskDefinitionRequest(String family, String taskRoleArn, String executionRoleArn,
                                             String networkMode, List<Map<String, Object>> containerDefinitions,
                                             List<Map<String, Object>> volumes, List<String> requiresCompatibilities,
                                             String cpu, String memory, List<Tag> tags) {
            this(family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes,
                    requiresCompatibilities, cpu, memory, tags, null);
        }
    }

    record RegisterTaskDefinitionResponse(TaskDefinition taskDefinition, List<Tag> tags) {
    }

    /** {@code include} may ask for TAGS. */
    record DescribeTaskDefinitionRequest(String taskDefinition, List<String> include) {
    }

    record DescribeTaskDefinitionResponse(TaskDefinition taskDefinition, List<Tag> tags) {
    }

    /** {@code status} ACTIVE (default), INACTIVE or DELETE_IN_PROGRESS; {@code sort} ASC (default) or DESC. */
    record ListTaskDefinitionsRequest(String familyPrefix, String status, String sort, String nextToken,
                                      Integer maxResults) {
    }

    record ListTaskDefinitionsResponse(List<String> taskDefinitionArns, String nextToken) {
    }

    /** {@code status} ACTIVE, INACTIVE or ALL (default). */
    record ListTaskDefinitionFamiliesRequest(String familyPrefix, String status, String nextToken,
                                             Integer maxResults) {
    }

    record ListTaskDefinitionFamiliesResponse(List<String> families, String nextToken) {
    }

    record DeregisterTaskDefinitionRequest(String taskDefinition) {
    }

    record DeregisterTaskDefinitionResponse(TaskDefinition taskDefinition) {
    }
}
