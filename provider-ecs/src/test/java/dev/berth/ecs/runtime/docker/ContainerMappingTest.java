package dev.berth.ecs.runtime.docker;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContainerMappingTest {

    @Test
    void exitCodeComesFromSummaryStatusText() {
        assertEquals(137, ContainerMapper.exitCode("Exited (137) 2 seconds ago"));
        assertEquals(0, ContainerMapper.exitCode("Exited (0) About a minute ago"));
        assertNull(ContainerMapper.exitCode("Up 3 seconds"));
        assertNull(ContainerMapper.exitCode("Created"));
        assertNull(ContainerMapper.exitCode(null));
    }

    @Test
    void containerNamesAreShortAndValidForDocker() {
        String arn = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";
        assertEquals("berth-0123456789ab-web", ContainerNaming.containerName(arn, "web"));
        assertEquals("berth-0123456789ab-log-router_1.x",
                ContainerNaming.containerName(arn, "log router_1.x"));
    }

    @Test
    void labelsAlwaysCarryTaskArnAndContainerName() {
        Map<String, String> labels = ContainerNaming.labels(Map.of("team", "a"), "arn:t", "web");
        assertEquals(Map.of("team", "a", "dev.berth.task-arn", "arn:t", "dev.berth.container-name", "web"), labels);
    }
}
