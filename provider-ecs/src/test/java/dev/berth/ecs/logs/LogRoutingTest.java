package dev.berth.ecs.logs;

import dev.berth.ecs.runtime.LogRoute;
import dev.berth.ecs.taskdef.LogConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRoutingTest {
    private static final String TASK = "arn:aws:ecs:local:000000000000:task/main/0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private static LogConfiguration lc(String driver, Map<String, String> options) {
        return new LogConfiguration(driver, options, List.of());
    }

    @Test
    void awslogsWithAPrefixNamesTheStreamAsEcsDoes() {
        LogRoute r = LogRouting.route(lc("awslogs", Map.of("awslogs-group", "/ecs/web", "awslogs-stream-prefix", "ecs",
                "awslogs-region", "us-east-1")), TASK, "web");
        assertEquals("/ecs/web", r.group());
        assertEquals("ecs/web/0f1e2d3c4b5a69788796a5b4c3d2e1f0", r.stream());
        assertEquals(LogRouting.KEPT_DRIVER, r.dockerDriver());
        assertEquals(Map.of(), r.dockerOptions());
        assertFalse(r.createGroup());
    }

    @Test
    void awslogsWithoutAPrefixUsesTheContainerIdAsDockerDoes() {
        LogRoute r = LogRouting.route(lc("awslogs", Map.of("awslogs-group", "g", "awslogs-create-group", "true",
                "mode", "non-blocking", "max-buffer-size", "4m")), TASK, "web");
        assertNull(r.stream());
        assertTrue(r.createGroup());
        assertEquals("abc", LogRoute.streamOf(Map.of(LogRoute.GROUP_LABEL, "g"), "abc"));
        assertEquals(Map.of("mode", "non-blocking", "max-buffer-size", "4m"), r.dockerOptions());
        assertEquals("s1", LogRouting.route(lc("awslogs", Map.of("awslogs-group", "g", "awslogs-stream", "s1")), TASK,
                "web").stream());
    }

    @Test
    void dockerDriversReachDockerAsWritten() {
        LogRoute r = LogRouting.route(lc("json-file", Map.of("max-size", "10m", "max-file", "3")), TASK, "web");
        assertEquals("json-file", r.dockerDriver());
        assertEquals(Map.of("max-size", "10m", "max-file", "3"), r.dockerOptions());
        assertFalse(r.kept());
        assertNull(LogRouting.route(null, TASK, "web"));
    }

    @Test
    void splunkIsKeptUnderItsOwnGroupPerContainerAndTask() {
        LogRoute r = LogRouting.route(lc("splunk", Map.of("splunk-url", "https://s:8088", "splunk-token", "t")), TASK, "api");
        assertEquals("splunk", r.group());
        assertEquals("api/0f1e2d3c4b5a69788796a5b4c3d2e1f0", r.stream());
        assertEquals(Map.of(), r.dockerOptions());
    }
}
