package dev.berth.ecs.control;

import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersRequest;
import dev.berth.ecs.api.InstanceCalls.RegisterContainerInstanceRequest;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.TagCalls.ListTagsForResourceRequest;
import dev.berth.ecs.api.TagCalls.TagResourceRequest;
import dev.berth.ecs.api.TagCalls.UntagResourceRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.control.Plane.assertEcsError;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TagActionsTest {
    private static final String PREFIX = "arn:aws:ecs:local:000000000000:";
    private final Plane p = new Plane();

    private List<Tag> tags(String arn) {
        return p.api.listTagsForResource(new ListTagsForResourceRequest(arn)).tags();
    }

    @Test
    void everyKindOfArnCanBeTaggedAndUntagged() {
        p.api.createCluster(new CreateClusterRequest("prod", List.of(new Tag("keep", "1")), null));
        String td = p.api.registerTaskDefinition(new RegisterTaskDefinitionRequest("web", null, null, null,
                List.of(Map.of("name", "web", "image", "busybox", "memory", 64)), null, null, null, null, null))
                .taskDefinition().taskDefinitionArn();
        String instance = p.api.registerContainerInstance(new RegisterContainerInstanceRequest("prod", null, null, null,
                null, null, null, null)).containerInstance().containerInstanceArn();
        String service = PREFIX + "service/prod/web", task = PREFIX + "task/prod/t1";
        p.store.put(ServiceRow.TABLE, service, Json.write(new ServiceRow(service, "web", PREFIX + "cluster/prod", "web",
                td, 1, "FARGATE", "ACTIVE")));
        p.store.put(TaskRow.TABLE, task, Json.write(new TaskRow(task, service, PREFIX + "cluster/prod", td, "RUNNING", 1,
                null, null, null, List.of(), Map.of())));

        for (String arn : List.of(PREFIX + "cluster/prod", td, instance, service, task)) {
            p.api.tagResource(new TagResourceRequest(arn, List.of(new Tag("team", "core"), new Tag("env", "dev"))));
            p.api.untagResource(new UntagResourceRequest(arn, List.of("env", "absent")));
            List<Tag> expected = arn.contains(":cluster/") ? List.of(new Tag("keep", "1"), new Tag("team", "core"))
                    : List.of(new Tag("team", "core"));
            assertEquals(expected, tags(arn), arn);
        }
        assertEquals(List.of(new Tag("keep", "1"), new Tag("team", "core")), p.api.describeClusters(
                new DescribeClustersRequest(List.of("prod"), List.of("TAGS"))).clusters().get(0).tags());
    }

    @Test
    void unknownOrMalformedArnsAndBadTagsAreEcsErrors() {
        assertEcsError("ClusterNotFoundException", "Cluster not found.", () -> tags(PREFIX + "cluster/nope"));
        assertEcsError("ResourceNotFoundException", "The specified resource wasn't found.",
                () -> tags(PREFIX + "service/prod/nope"));
        assertEcsError("InvalidParameterException", "The ARN nope is not a valid ECS resource ARN.", () -> tags("nope"));
        p.api.createCluster(new CreateClusterRequest("prod", null, null));
        List<Tag> many = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) many.add(new Tag("k" + i, "v"));
        assertEcsError("InvalidParameterException", "A resource can have at most 50 tags.",
                () -> p.api.tagResource(new TagResourceRequest(PREFIX + "cluster/prod", many)));
        assertEquals(List.of(), tags(PREFIX + "cluster/prod"));
    }
}
