package dev.berth.ecs.control;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.ClusterCalls.DeleteClusterRequest;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersRequest;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersResponse;
import dev.berth.ecs.api.ClusterCalls.ListClustersRequest;
import dev.berth.ecs.api.ClusterCalls.ListClustersResponse;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.InstanceCalls.RegisterContainerInstanceRequest;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.KeyValuePair;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.control.Plane.assertEcsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterActionsTest {
    private static final String ARN = "arn:aws:ecs:local:000000000000:cluster/";
    private final Plane p = new Plane();

    @Test
    void createWithoutANameMakesDefaultWithItsNetworkAndACreateOfAnExistingClusterChangesNothing() {
        Cluster made = p.api.createCluster(new CreateClusterRequest(null, List.of(new Tag("team", "core")), null)).cluster();
        assertEquals(ARN + "default", made.clusterArn());
        assertEquals("ACTIVE", made.status());
        assertEquals(List.of(new Tag("team", "core")), made.tags());
        assertEquals(List.of(new KeyValuePair("containerInsights", "disabled")), made.settings());
        assertEquals(Map.of("dev.berth.cluster", ARN + "default"), p.runtime.networks.get("berth-default"));

        Cluster again = p.api.createCluster(new CreateClusterRequest("default", List.of(new Tag("team", "other")),
                List.of(new KeyValuePair("containerInsights", "enabled")))).cluster();
        assertEquals(made, again);
    }

    @Test
    void badNamesAndSettingsAreInvalidParameters() {
        assertEcsError("InvalidParameterException", "Cluster name can have up to 255 characters: letters (uppercase "
                + "and lowercase), numbers, hyphens and underscores.",
                () -> p.api.createCluster(new CreateClusterRequest("bad name", null, null)));
        assertEcsError("InvalidParameterException", "containerInsights must be one of enabled, disabled, enhanced.",
                () -> p.api.createCluster(new CreateClusterRequest("x", null,
                        List.of(new KeyValuePair("containerInsights", "maybe")))));
        assertEcsError("InvalidParameterException", "Tag keys starting with 'aws:' are reserved for AWS use.",
                () -> p.api.createCluster(new CreateClusterRequest("x", List.of(new Tag("aws:x", "1")), null)));
    }

    @Test
    void describeCountsInstancesTasksAndServicesAndSaysMissingForUnknownClusters() {
        p.api.createCluster(new CreateClusterRequest("prod", null, List.of(new KeyValuePair("containerInsights", "enabled"))));
        p.api.registerContainerInstance(new RegisterContainerInstanceRequest("prod", List.of(Resource.integer("CPU", 1024),
                Resource.integer("MEMORY", 512)), null, null, null, null, null, null));
        p.store.put(TaskRow.TABLE, "t1", Json.write(task("t1", "RUNNING")));
        p.store.put(TaskRow.TABLE, "t2", Json.write(task("t2", "PENDING")));
        p.store.put(TaskRow.TABLE, "t3", Json.write(task("t3", "STOPPED")));
        // A FARGATE task books the local engine with a placement that names no instance.
        String t1 = task("t1", "RUNNING").taskArn();
        p.store.put(dev.berth.ecs.store.PlacementRow.TABLE, t1, Json.write(new dev.berth.ecs.store.PlacementRow(t1,
                null, null, null, 256, 512, List.of())));
        p.store.put(ServiceRow.TABLE, "s", Json.write(new ServiceRow(ARN.replace("cluster/", "service/prod/web"), "web",
                ARN + "prod", "web", "web:1", 1, "FARGATE", "ACTIVE")));

        DescribeClustersResponse r = p.api.describeClusters(new DescribeClustersRequest(List.of("prod", "nope"),
                List.of("STATISTICS", "SETTINGS", "TAGS")));
        Cluster c = r.clusters().get(0);
        assertEquals(List.of(1, 1, 1, 1), List.of(c.registeredContainerInstancesCount(), c.runningTasksCount(),
                c.pendingTasksCount(), c.activeServicesCount()));
        assertTrue(c.statistics().contains(new KeyValuePair("runningFargateTasksCount", "1")), c.statistics()::toString);
        assertTrue(c.statistics().contains(new KeyValuePair("runningEC2TasksCount", "0")), c.statistics()::toString);
        assertTrue(c.statistics().contains(new KeyValuePair("activeFargateServiceCount", "1")), c.statistics()::toString);
        assertEquals(List.of(new KeyValuePair("containerInsights", "enabled")), c.settings());
        assertEquals(List.of(), c.tags());
        assertEquals(List.of(new Failure(ARN + "nope", "MISSING")), r.failures());

        Cluster plain = p.api.describeClusters(new DescribeClustersRequest(List.of(ARN + "prod"), null)).clusters().get(0);
        assertNull(plain.tags());
        assertNull(plain.settings());
        assertEquals(List.of(), plain.statistics());
    }

    private static TaskRow task(String id, String status) {
        return new TaskRow(ARN.replace("cluster/", "task/prod/") + id, null, ARN + "prod", "web:1", status, 1,
                null, null, null, List.of(), Map.of());
    }

    @Test
    void listPagesThroughEveryActiveClusterInNameOrder() {
        for (String n : List.of("c", "a", "b", "d", "e")) p.api.createCluster(new CreateClusterRequest(n, null, null));
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListClustersResponse page = p.api.listClusters(new ListClustersRequest(token, 2));
            seen.addAll(page.clusterArns());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(List.of(ARN + "a", ARN + "b", ARN + "c", ARN + "d", ARN + "e"), seen);
        assertEcsError("InvalidParameterException", "maxResults must be between 1 and 100.",
                () -> p.api.listClusters(new ListClustersRequest(null, 0)));
        assertEcsError("InvalidParameterException", "Invalid nextToken.",
                () -> p.api.listClusters(new ListClustersRequest("garbage!", null)));
    }

    @Test
    void deleteIsRefusedWithEcsErrorsWhileTheClusterHoldsServicesInstancesOrTasks() {
        p.api.createCluster(new CreateClusterRequest("prod", null, null));
        p.store.put(ServiceRow.TABLE, "s", Json.write(new ServiceRow(ARN.replace("cluster/", "service/prod/web"), "web",
                ARN + "prod", "web", "web:1", 1, "FARGATE", "ACTIVE")));
        assertEcsError("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.",
                () -> p.api.deleteCluster(new DeleteClusterRequest("prod")));
        p.store.delete(ServiceRow.TABLE, "s");
        var instance = p.api.registerContainerInstance(new RegisterContainerInstanceRequest("prod", null, null, null,
                null, null, null, null)).containerInstance();
        assertEcsError("ClusterContainsContainerInstancesException",
                "The Cluster cannot be deleted while Container Instances are active or draining.",
                () -> p.api.deleteCluster(new DeleteClusterRequest("prod")));
        p.api.deregisterContainerInstance(new dev.berth.ecs.api.InstanceCalls.DeregisterContainerInstanceRequest("prod",
                instance.containerInstanceArn(), false));
        p.store.put(TaskRow.TABLE, "t1", Json.write(task("t1", "RUNNING")));
        assertEcsError("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.",
                () -> p.api.deleteCluster(new DeleteClusterRequest("prod")));
        p.store.delete(TaskRow.TABLE, "t1");

        Cluster deleted = p.api.deleteCluster(new DeleteClusterRequest(ARN + "prod")).cluster();
        assertEquals("INACTIVE", deleted.status());
        assertFalse(p.runtime.networks.containsKey("berth-prod"));
        assertEquals(List.of(), p.api.listClusters(new ListClustersRequest(null, null)).clusterArns());
        assertEquals("INACTIVE", p.api.describeClusters(new DescribeClustersRequest(List.of("prod"), null))
                .clusters().get(0).status());
        assertEcsError("ClusterNotFoundException", "Cluster not found.",
                () -> p.api.deleteCluster(new DeleteClusterRequest("prod")));
        assertEquals("ACTIVE", p.api.createCluster(new CreateClusterRequest("prod", null, null)).cluster().status());
    }

    @Test
    void aDeletedClusterKeepsItsSettingsOnlyInItsInactiveRecordAndIsForgottenAnHourAfter() {
        p.api.createCluster(new CreateClusterRequest("prod", null, List.of(new KeyValuePair("containerInsights", "enabled"))));
        p.api.deleteCluster(new DeleteClusterRequest("prod"));
        assertEquals(Map.of(), p.store.list(ClusterSettingsRow.TABLE), "no settings row outlives its cluster");
        p.clock.advance(Duration.ofMinutes(59));
        Cluster inactive = p.api.describeClusters(new DescribeClustersRequest(List.of("prod"), List.of("SETTINGS")))
                .clusters().get(0);
        assertEquals("INACTIVE", inactive.status());
        assertEquals(List.of(new KeyValuePair("containerInsights", "enabled")), inactive.settings());

        p.clock.advance(Duration.ofMinutes(1));
        DescribeClustersResponse r = p.api.describeClusters(new DescribeClustersRequest(List.of("prod"), null));
        assertEquals(List.of(), r.clusters());
        assertEquals(List.of(new Failure(ARN + "prod", "MISSING")), r.failures());
        assertEquals(Map.of(), p.store.list(InactiveRecords.CLUSTERS), "its record went with it");
    }

    @Test
    void deletingAClusterForgetsTheOnesDeletedMoreThanAnHourBeforeEvenIfNoOneAsksForThem() {
        p.api.createCluster(new CreateClusterRequest("old", null, null));
        p.api.deleteCluster(new DeleteClusterRequest("old"));
        p.clock.advance(Duration.ofMinutes(60));
        p.api.createCluster(new CreateClusterRequest("new", null, null));
        p.api.deleteCluster(new DeleteClusterRequest("new"));
        assertEquals(List.of(ARN + "new"), List.copyOf(p.store.list(InactiveRecords.CLUSTERS).keySet()));
    }

    @Test
    void aClusterCreatedAgainAfterItsDeletionIsActiveWithItsNewSettings() {
        p.api.createCluster(new CreateClusterRequest("prod", null, List.of(new KeyValuePair("containerInsights", "enabled"))));
        p.api.deleteCluster(new DeleteClusterRequest("prod"));
        Cluster again = p.api.createCluster(new CreateClusterRequest("prod", null, null)).cluster();
        assertEquals("ACTIVE", again.status());
        assertEquals(List.of(new KeyValuePair("containerInsights", "disabled")), again.settings());
        assertEquals(Map.of(), p.store.list(InactiveRecords.CLUSTERS));
    }

    @Test
    void aClusterWhoseNetworkWasRemovedIsFailedUntilCreatedAgain() {
        p.api.createCluster(new CreateClusterRequest("prod", null, null));
        p.runtime.networks.remove("berth-prod");
        assertEquals("FAILED", p.api.describeClusters(new DescribeClustersRequest(List.of("prod"), null))
                .clusters().get(0).status());
        p.api.createCluster(new CreateClusterRequest("prod", null, null));
        assertTrue(p.runtime.networks.containsKey("berth-prod"));
        assertEquals("ACTIVE", p.api.describeClusters(new DescribeClustersRequest(List.of("prod"), null))
                .clusters().get(0).status());
    }

    @Test
    void aClusterKeepsTheClientTokenOfItsCreate() {
        p.api.createCluster(new CreateClusterRequest("prod", null, null, "tok-1"));
        assertEquals(java.util.Optional.of(ARN + "prod"), new dev.berth.ecs.store.ClientTokens(p.store)
                .find("ecs_cluster", "tok-1"));
    }
}
