package dev.berth.ecs.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionsTest {
    @Test
    void everyActionTheIssueNamesIsOneMethodWithItsOwnRequestAndResponse() {
        List<String> named = List.of("CreateCluster", "DescribeClusters", "ListClusters", "DeleteCluster",
                "RegisterTaskDefinition", "DescribeTaskDefinition", "ListTaskDefinitions", "ListTaskDefinitionFamilies",
                "DeregisterTaskDefinition", "CreateService", "UpdateService", "DescribeServices", "ListServices",
                "DeleteService", "RunTask", "StartTask", "StopTask", "ListTasks", "DescribeTasks",
                "RegisterContainerInstance", "DeregisterContainerInstance", "ListContainerInstances",
                "DescribeContainerInstances", "UpdateContainerInstancesState", "TagResource", "UntagResource",
                "ListTagsForResource");
        assertEquals(new java.util.TreeSet<>(named), Actions.all().keySet());
        for (Actions.Action a : Actions.all().values()) {
            assertEquals(a.name() + "Request", a.requestType().getSimpleName());
            assertEquals(a.name() + "Response", a.responseType().getSimpleName());
            assertTrue(a.requestType().isRecord() && a.responseType().isRecord(), a.name());
        }
    }

    @Test
    void timestampsTravelAsEpochSecondsAndUnknownFieldsAreIgnored() {
        Instant at = Instant.parse("2026-12-03T10:15:30.250Z");
        String json = EcsJson.write(new ServiceCalls.ServiceEvent("e1", at, "service web has reached a steady state."));
        assertEquals("{\"id\":\"e1\",\"createdAt\":1796292930.250,\"message\":\"service web has reached a steady state.\"}", json);
        ServiceCalls.ServiceEvent back = EcsJson.read(json.replace("{", "{\"fromANewerSdk\":1,"),
                ServiceCalls.ServiceEvent.class);
        assertEquals(at, back.createdAt());
        assertNull(EcsJson.read("{}", ClusterCalls.CreateClusterRequest.class).clusterName());
    }

    @Test
    void malformedJsonIsAClientExceptionNotAStackTrace() {
        EcsException e = org.junit.jupiter.api.Assertions.assertThrows(EcsException.class,
                () -> EcsJson.read("{\"clusterName\": [", ClusterCalls.CreateClusterRequest.class));
        assertEquals(EcsException.CLIENT, e.errorName());
    }
}
