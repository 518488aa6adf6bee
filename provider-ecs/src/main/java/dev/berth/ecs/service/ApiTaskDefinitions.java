package dev.berth.ecs.service;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.Optional;

/**
 * Task definition references resolved through DescribeTaskDefinition, as terraform-provider-aws
 * resolves them: a family means its latest ACTIVE revision, family:revision and ARNs that one.
 */
final class ApiTaskDefinitions {
    private final EcsApi api;

    ApiTaskDefinitions(EcsApi api) {
        this.api = api;
    }

    /** The revision {@code ref} names now; empty when it names none. */
    Optional<TaskDefinitionRow> resolve(String ref) {
        if (ref == null || ref.isBlank()) return Optional.empty();
        TaskDefinition td;
        try {
            td = api.describeTaskDefinition(new DescribeTaskDefinitionRequest(ref, null)).taskDefinition();
        } catch (EcsException notRegistered) {
            return Optional.empty();
        }
        if (td == null) return Optional.empty();
        return Optional.of(new TaskDefinitionRow(td.taskDefinitionArn(), td.family(),
                td.revision() == null ? 0 : td.revision(), td.status(), td.cpu(), td.memory(), td.networkMode(),
                td.requiresCompatibilities(), td.executionRoleArn(), td.taskRoleArn(),
                Json.write(td.containerDefinitions() == null ? java.util.List.of() : td.containerDefinitions()),
                td.registeredAt() == null ? null : td.registeredAt().toString()));
    }

    Optional<String> arnOf(String ref) {
        return resolve(ref).map(TaskDefinitionRow::arn);
    }
}
