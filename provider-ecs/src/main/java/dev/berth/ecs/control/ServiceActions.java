package dev.berth.ecs.control;

import dev.berth.ecs.api.ServiceCalls;
import dev.berth.ecs.api.EcsException;

/** The control plane's Service actions. Not written yet: every action says so in ECS's terms. */
final class ServiceActions implements ServiceCalls {
    @Override
    public CreateServiceResponse createService(CreateServiceRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "CreateService is not supported by this control plane yet.");
    }

    @Override
    public UpdateServiceResponse updateService(UpdateServiceRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "UpdateService is not supported by this control plane yet.");
    }

    @Override
    public DescribeServicesResponse describeServices(DescribeServicesRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "DescribeServices is not supported by this control plane yet.");
    }

    @Override
    public ListServicesResponse listServices(ListServicesRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "ListServices is not supported by this control plane yet.");
    }

    @Override
    public DeleteServiceResponse deleteService(DeleteServiceRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "DeleteService is not supported by this control plane yet.");
    }

}
