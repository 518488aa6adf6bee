package dev.berth.ecs.control;

import dev.berth.ecs.api.ClusterCalls;
import dev.berth.ecs.api.EcsException;

/** The control plane's Cluster actions. Not written yet: every action says so in ECS's terms. */
final class ClusterActions implements ClusterCalls {
    @Override
    public CreateClusterResponse createCluster(CreateClusterRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "CreateCluster is not supported by this control plane yet.");
    }

    @Override
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "DescribeClusters is not supported by this control plane yet.");
    }

    @Override
    public ListClustersResponse listClusters(ListClustersRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "ListClusters is not supported by this control plane yet.");
    }

    @Override
    public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "DeleteCluster is not supported by this control plane yet.");
    }

}
