package dev.berth.ecs.control;

import dev.berth.ecs.api.InstanceCalls;
import dev.berth.ecs.api.EcsException;

/** The control plane's Instance actions. Not written yet: every action says so in ECS's terms. */
final class InstanceActions implements InstanceCalls {
    @Override
    public RegisterContainerInstanceResponse registerContainerInstance(RegisterContainerInstanceRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "RegisterContainerInstance is not supported by this control plane yet.");
    }

    @Override
    public DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "DeregisterContainerInstance is not supported by this control plane yet.");
    }

    @Override
    public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "ListContainerInstances is not supported by this control plane yet.");
    }

    @Override
    public DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "DescribeContainerInstances is not supported by this control plane yet.");
    }

    @Override
    public UpdateContainerInstancesStateResponse updateContainerInstancesState(UpdateContainerInstancesStateRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "UpdateContainerInstancesState is not supported by this control plane yet.");
    }

}
