package dev.berth.ecs.api;

import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.KeyValuePair;
import dev.berth.ecs.api.Shapes.Tag;

import java.util.List;

/** ECS's cluster actions. A cluster is named by its name or ARN wherever a request takes one. */
public interface ClusterCalls {
    CreateClusterResponse createCluster(CreateClusterRequest request);

    DescribeClustersResponse describeClusters(DescribeClustersRequest request);

    ListClustersResponse listClusters(ListClustersRequest request);

    DeleteClusterResponse deleteCluster(DeleteClusterRequest request);

    record Cluster(String clusterArn, String clusterName, String status, Integer registeredContainerInstancesCount,
                   Integer runningTasksCount, Integer pendingTasksCount, Integer activeServicesCount,
                   List<KeyValuePair> statistics, List<Tag> tags, List<KeyValuePair> settings) {
    }

    /**
     * Without a name ECS creates "default". Creating an existing ACTIVE cluster returns it unchanged.
     * {@code clientToken} is berth's addition (ECS's CreateService and RunTask take one): the
     * control plane keeps it with the cluster, so a caller that died mid-create can find it.
     */
    record CreateClusterRequest(String clusterName, List<Tag> tags, List<KeyValuePair> settings, String clientToken) {
        public CreateClusterRequest(String clusterName, List<Tag> tags, List<KeyValuePair> settings) {
            this(clusterName, tags, settings, null);
        }
    }

    record CreateClusterResponse(Cluster cluster) {
    }

    /** No clusters named: "default". {@code include} may ask for TAGS, SETTINGS, STATISTICS. */
    record DescribeClustersRequest(List<String> clusters, List<String> include) {
    }

    record DescribeClustersResponse(List<Cluster> clusters, List<Failure> failures) {
    }

    record ListClustersRequest(String nextToken, Integer maxResults) {
    }

    record ListClustersResponse(List<String> clusterArns, String nextToken) {
    }

    record DeleteClusterRequest(String cluster) {
    }

    /** The deleted cluster, status INACTIVE. */
    record DeleteClusterResponse(Cluster cluster) {
    }
}
