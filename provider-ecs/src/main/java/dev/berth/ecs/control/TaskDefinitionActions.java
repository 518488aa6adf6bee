package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskDefinitionCalls;
import dev.berth.ecs.api.EcsException;

/** The control plane's TaskDefinition actions. Not written yet: every action says so in ECS's terms. */
final class TaskDefinitionActions implements TaskDefinitionCalls {
    @Override
    public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "RegisterTaskDefinition is not supported by this control plane yet.");
    }

    @Override
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "DescribeTaskDefinition is not supported by this control plane yet.");
    }

    @Override
    public ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "ListTaskDefinitions is not supported by this control plane yet.");
    }

    @Override
    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "ListTaskDefinitionFamilies is not supported by this control plane yet.");
    }

    @Override
    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "DeregisterTaskDefinition is not supported by this control plane yet.");
    }

}
