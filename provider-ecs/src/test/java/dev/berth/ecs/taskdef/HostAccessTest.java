package dev.berth.ecs.taskdef;

import dev.berth.ecs.store.TaskDefinitionRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostAccessTest {
    @Test
    void sensitivePathsAreTheRootTheSystemTreesTheDockerSocketAndWhatHoldsIt() {
        for (String p : List.of("/", "//", "/etc", "/etc/", "/etc/nginx", "/proc/1/root", "/sys", "/var/run/docker.sock",
                "/run/docker.sock", "/var/run", "/var", "/run", "/srv/../etc", "/./etc/./passwd")) {
            assertTrue(HostAccess.sensitive(p), p);
        }
        for (String p : List.of("/srv/conf", "/home/me/site", "/etcetera", "/var/lib/app", "/run/user/1000", "/tmp")) {
            assertFalse(HostAccess.sensitive(p), p);
        }
    }

    @Test
    void eachNeedIsAllowedByItsAttributeOrForAPathByOneForItOrADirectoryAbove() {
        List<HostAccess.Need> needs = HostAccess.needs(true, "host", List.of("/srv/conf", "/var/run/docker.sock"));
        assertEquals(List.of("privileged containers", "host networking", "a bind mount of /var/run/docker.sock"),
                needs.stream().map(HostAccess.Need::what).toList());
        assertEquals("attribute:dev.berth.allow-host-path/var/run/docker.sock exists or "
                + "attribute:dev.berth.allow-host-path/var/run exists or attribute:dev.berth.allow-host-path/var exists or "
                + "attribute:dev.berth.allow-host-path/ exists", needs.get(2).expression());
        Map<String, String> all = HostAccess.attributes(true, true, List.of("/var/run/"));
        assertEquals(Optional.empty(), HostAccess.refusal(needs, all, "i-1"));
        assertEquals(Optional.of("The task needs host networking, which container instance i-1 does not allow; give the "
                + "instance the attribute dev.berth.allow-host-network to allow it."),
                HostAccess.refusal(needs, HostAccess.attributes(true, false, List.of("/var/run")), "i-1"));
        assertEquals(Optional.of("The task needs a bind mount of /var/run/docker.sock, which container instance i-1 does "
                + "not allow; give the instance the attribute dev.berth.allow-host-path/var/run/docker.sock to allow it."),
                HostAccess.refusal(needs, HostAccess.attributes(true, true, List.of("/etc")), "i-1"));
    }

    @Test
    void aRevisionNeedsWhatItsContainersNetworkModeAndVolumesTake() {
        String containers = "[{\"name\":\"web\",\"image\":\"busybox\",\"privileged\":true}]";
        String volumes = """
                {"volumes":[{"name":"conf","host":{"sourcePath":"/srv/conf"}},
                 {"name":"etc","host":{"sourcePath":"/etc"}},
                 {"name":"sneaky","dockerVolumeConfiguration":{"driver":"local",
                  "driverOpts":{"type":"none","o":"bind","device":"/var/run/docker.sock"}}}]}""";
        TaskDefinitionRow td = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/w:1", "w", 1,
                "ACTIVE", null, null, "host", null, null, null, containers, null, volumes);
        assertEquals(List.of("privileged containers", "host networking", "a bind mount of /etc",
                "a bind mount of /var/run/docker.sock"), HostAccess.needs(td).stream().map(HostAccess.Need::what).toList());
        TaskDefinitionRow plain = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/w:2", "w", 2,
                "ACTIVE", null, null, "bridge", null, null, null, "[{\"name\":\"web\",\"image\":\"busybox\"}]", null,
                "{\"volumes\":[{\"name\":\"conf\",\"host\":{\"sourcePath\":\"/srv/conf\"}}]}");
        assertEquals(List.of(), HostAccess.needs(plain));
    }

    @Test
    void aResolvedPathNeedsTheAllowanceForWhereItLeadsOrForTheSensitivePathAsWritten() {
        String volumes = """
                {"volumes":[{"name":"sock","host":{"sourcePath":"/var/run/docker.sock"}},
                 {"name":"x","host":{"sourcePath":"/tmp/x"}}]}""";
        TaskDefinitionRow td = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/w:3", "w", 3,
                "ACTIVE", null, null, "bridge", null, null, null, "[{\"name\":\"web\",\"image\":\"busybox\"}]",
                null, volumes);
        java.util.function.UnaryOperator<String> host = p -> p.startsWith("/var/run/") ? p.substring(4)
                : p.equals("/tmp/x") ? "/" : p;
        List<HostAccess.Need> needs = HostAccess.needs(td, host);
        assertEquals(List.of("a bind mount of /var/run/docker.sock",
                "a bind mount of /var/run/docker.sock (which is /run/docker.sock on the engine's host)",
                "a bind mount of /tmp/x (which is / on the engine's host)"), needs.stream().map(HostAccess.Need::what).toList());
        // The socket allowed as written still allows it; the harmless-looking /tmp/x allows nothing of /.
        assertEquals(Optional.empty(), HostAccess.refusal(needs.subList(0, 2),
                HostAccess.attributes(false, false, List.of("/var/run/docker.sock")), "i-1"));
        assertEquals(Optional.of("The task needs a bind mount of /tmp/x (which is / on the engine's host), which container "
                + "instance i-1 does not allow; give the instance the attribute dev.berth.allow-host-path/ to allow it."),
                HostAccess.refusal(needs, HostAccess.attributes(false, false, List.of("/var/run", "/tmp/x")), "i-1"));
        assertEquals(List.of("attribute:dev.berth.allow-host-pid exists"), HostAccess.needs(false, "bridge", "host", null,
                List.of()).stream().map(HostAccess.Need::expression).toList());
    }
}
