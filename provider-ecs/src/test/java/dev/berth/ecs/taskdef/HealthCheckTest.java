package dev.berth.ecs.taskdef;

import com.github.dockerjava.api.model.HealthCheck;
import dev.berth.ecs.runtime.HealthProbe;
import dev.berth.ecs.runtime.docker.HealthConfigs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthCheckTest {
    @Test
    void jsonHealthCheckIsCanonicalWithEcsDefaults() {
        var parsed = ContainerDefinitionsJson.parse("""
                [{"name":"a","image":"i","healthCheck":{"command":["CMD-SHELL","exit 1"],"interval":10}}]""");
        assertTrue(parsed.ok(), parsed.errors().toString());
        String canonical = ContainerDefinitionsJson.canonical(parsed.containers());
        assertTrue(canonical.contains("\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"exit 1\"],\"interval\":10,"
                + "\"retries\":3,\"startPeriod\":0,\"timeout\":5}"), canonical);
        var explicit = ContainerDefinitionsJson.parse("""
                [{"name":"a","image":"i","healthCheck":{"command":["CMD-SHELL","exit 1"],"interval":10,"timeout":5,
                  "retries":3,"startPeriod":0}}]""");
        assertEquals(canonical, ContainerDefinitionsJson.canonical(explicit.containers()));
    }

    @Test
    void unknownHealthCheckFieldsAreWarnedAbout() {
        var parsed = ContainerDefinitionsJson.parse("""
                [{"name":"a","image":"i","healthCheck":{"command":["CMD","true"],"every":3}}]""");
        assertTrue(parsed.warnings().stream().anyMatch(e -> e.contains("healthCheck has a field \"every\" that ECS does not know")),
                parsed.warnings().toString());
    }

    @Test
    void rangesAndCommandFormFollowEcs() {
        assertEquals(List.of(), new dev.berth.ecs.taskdef.HealthCheck(List.of("CMD", "true"), 5, 2, 1, 0).problems("c"));
        assertEquals(List.of(), new dev.berth.ecs.taskdef.HealthCheck(List.of("CMD-SHELL", "x"), 300, 60, 10, 300)
                .problems("c"));
        List<String> p = new dev.berth.ecs.taskdef.HealthCheck(List.of("exit 1"), 4, 61, 0, 301).problems("c");
        assertEquals(5, p.size(), p.toString());
        assertTrue(p.get(0).contains("CMD-SHELL"));
        assertTrue(p.get(1).contains("interval must be between 5 and 300, not 4"));
        assertTrue(p.get(2).contains("timeout must be between 2 and 60, not 61"));
        assertTrue(p.get(3).contains("retries must be between 1 and 10, not 0"));
        assertTrue(p.get(4).contains("startPeriod must be between 0 and 300, not 301"));
    }

    @Test
    void mapsToDockerHealthConfigInNanoseconds() {
        HealthCheck h = HealthConfigs.of(new HealthProbe(List.of("CMD-SHELL", "exit 1"), 5, 2, 1, 30));
        assertEquals(List.of("CMD-SHELL", "exit 1"), h.getTest());
        assertEquals(5_000_000_000L, h.getInterval());
        assertEquals(2_000_000_000L, h.getTimeout());
        assertEquals(1, h.getRetries());
        assertEquals(30_000_000_000L, h.getStartPeriod());
    }
}
