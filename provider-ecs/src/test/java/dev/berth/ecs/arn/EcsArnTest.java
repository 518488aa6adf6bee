package dev.berth.ecs.arn;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EcsArnTest {

    @Test
    void arnsHaveAwsShapesWithTheLocalRegionAndAccount() {
        assertEquals("arn:aws:ecs:local:000000000000:cluster/prod", EcsArn.cluster("prod"));
        assertEquals("arn:aws:ecs:local:000000000000:task-definition/web:3", EcsArn.taskDefinition("web", 3));
        assertEquals("arn:aws:ecs:local:000000000000:task-definition/web", EcsArn.taskDefinitionFamily("web"));
        assertEquals("arn:aws:ecs:local:000000000000:service/prod/api", EcsArn.service("prod", "api"));
        assertEquals("arn:aws:ecs:local:000000000000:task/prod/0123456789abcdef0123456789abcdef",
                EcsArn.task("prod", "0123456789abcdef0123456789abcdef"));
    }

    @Test
    void parsingSplitsTypeAndPath() {
        EcsArn a = EcsArn.parse("arn:aws:ecs:eu-west-1:123456789012:service/prod/api").orElseThrow();
        assertEquals(new EcsArn("eu-west-1", "123456789012", "service", "prod/api"), a);
        assertEquals("arn:aws:ecs:eu-west-1:123456789012:service/prod/api", a.toString());
        assertEquals(Optional.empty(), EcsArn.parse("arn:aws:s3:::bucket"));
    }

    @Test
    void clusterReferencesReduceToTheName() {
        assertEquals(Optional.of("prod"), EcsArn.clusterName("prod"));
        assertEquals(Optional.of("prod"), EcsArn.clusterName(EcsArn.cluster("prod")));
        assertEquals(Optional.empty(), EcsArn.clusterName(EcsArn.service("prod", "api")));
        assertEquals(Optional.empty(), EcsArn.clusterName(""));
    }
}
