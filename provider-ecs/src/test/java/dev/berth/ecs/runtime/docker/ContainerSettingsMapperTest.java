package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerSettings;
import dev.berth.ecs.runtime.TaskLaunch;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerSettingsMapperTest {
    private static final String ARN = "arn:aws:ecs:local:000000000000:task/c/0123456789abcdef0123456789abcdef";
    private static final long MIB = 1024L * 1024L;

    private static ContainerSettings settings(String hostname, String user, String workdir) {
        return new ContainerSettings(hostname, user, workdir, true, true,
                List.of(new ContainerSettings.Ulimit("nofile", 1024, 2048)), Map.of("team", "payments"),
                List.of(new ContainerSettings.HostEntry("db.local", "10.0.0.5")), List.of("1.1.1.1"),
                List.of("corp.local"), true, List.of("NET_ADMIN"), List.of("MKNOD"), 128,
                List.of(new ContainerSettings.Tmpfs("/scratch", 64, List.of("noexec"))),
                List.of(new ContainerSettings.Device("/dev/fuse", null, "rw")), 256, 10,
                Map.of("net.ipv4.tcp_keepalive_time", "200"), true, true, false, List.of("no-new-privileges"),
                Map.of(), 0);
    }

    private static ContainerLaunch launch(String name, Integer memory, ContainerSettings s) {
        return new ContainerLaunch(name, "img", null, memory, null, List.of(), Map.of(), null, null, true, null, s);
    }

    private record Built(CreateContainerCmdImpl cmd, HostConfig host) {
    }

    private static Built build(TaskLaunch task, ContainerLaunch c) {
        CreateContainerCmdImpl cmd = new CreateContainerCmdImpl(command -> {
            throw new AssertionError("the mapping never runs the command");
        }, null, "img");
        Map<String, String> berths = new LinkedHashMap<>();
        berths.put("dev.berth.task-arn", ARN);
        cmd.withLabels(berths);
        HostConfig host = HostConfig.newHostConfig();
        ContainerSettingsMapper.apply(cmd, host, task, c);
        return new Built(cmd, host);
    }

    @Test
    void everyOptionReachesItsDockerField() {
        ContainerLaunch c = launch("web", 512, settings("web-1", "1000:1000", "/srv"));
        Built b = build(new TaskLaunch(ARN, "net", "bridge", Map.of(), List.of(c)), c);
        assertEquals("web-1", b.cmd().getHostName());
        assertEquals("1000:1000", b.cmd().getUser());
        assertEquals("/srv", b.cmd().getWorkingDir());
        assertTrue(b.cmd().isTty());
        assertTrue(b.cmd().isStdinOpen());
        assertNull(b.cmd().isNetworkDisabled());
        assertTrue(b.host().getReadonlyRootfs());
        assertTrue(b.host().getPrivileged());
        assertArrayEquals(new Ulimit[]{new Ulimit("nofile", 1024L, 2048L)}, b.host().getUlimits());
        assertArrayEquals(new String[]{"db.local:10.0.0.5"}, b.host().getExtraHosts());
        assertArrayEquals(new String[]{"1.1.1.1"}, b.host().getDns());
        assertArrayEquals(new String[]{"corp.local"}, b.host().getDnsSearch());
        assertTrue(b.host().getInit());
        assertArrayEquals(new Capability[]{Capability.NET_ADMIN}, b.host().getCapAdd());
        assertArrayEquals(new Capability[]{Capability.MKNOD}, b.host().getCapDrop());
        assertEquals(128 * MIB, b.host().getShmSize());
        assertEquals(Map.of("/scratch", "noexec,size=64m"), b.host().getTmpFs());
        assertEquals("/dev/fuse", b.host().getDevices()[0].getPathOnHost());
        assertEquals("/dev/fuse", b.host().getDevices()[0].getPathInContainer());
        assertEquals("rw", b.host().getDevices()[0].getcGroupPermissions());
        assertEquals(Map.of("net.ipv4.tcp_keepalive_time", "200"), b.host().getSysctls());
        assertEquals(List.of("no-new-privileges"), b.host().getSecurityOpts());
        assertNull(b.host().getDeviceRequests());
    }

    @Test
    void maxSwapIsCountedOnTopOfTheMemoryLimitAsEcsAgentDoes() {
        ContainerLaunch c = launch("web", 512, settings(null, null, null));
        Built b = build(new TaskLaunch(ARN, "net", "bridge", Map.of(), List.of(c)), c);
        assertEquals((512 + 256) * MIB, b.host().getMemorySwap());
        assertEquals(10L, b.host().getMemorySwappiness());
    }

    @Test
    void userLabelsNeverReplaceBerthsOwn() {
        assertEquals(Map.of("team", "a", "dev.berth.task-arn", "arn"),
                ContainerSettingsMapper.labels(Map.of("team", "a", "dev.berth.task-arn", "forged"),
                        Map.of("dev.berth.task-arn", "arn")));
        ContainerLaunch c = launch("web", null, settings(null, null, null));
        Built b = build(new TaskLaunch(ARN, "net", "awsvpc", Map.of(), List.of(c)), c);
        assertEquals(Map.of("team", "payments", "dev.berth.task-arn", ARN), b.cmd().getLabels());
    }

    @Test
    void bridgeContainersLinkEveryOtherContainerOfTheirTaskByNameAndTheirOwnLinksByAlias() {
        ContainerSettings withLink = new ContainerSettings(null, null, null, false, false, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, false, false, false, null, Map.of("db", "database"), 0);
        ContainerLaunch web = launch("web", null, withLink);
        ContainerLaunch db = launch("db", null, ContainerSettings.NONE);
        ContainerLaunch cache = launch("cache", null, ContainerSettings.NONE);
        TaskLaunch task = new TaskLaunch(ARN, "net", "bridge", Map.of(), List.of(web, db, cache));
        assertEquals(List.of(new Link("berth-0123456789ab-db", "db"), new Link("berth-0123456789ab-cache", "cache"),
                new Link("berth-0123456789ab-db", "database")), ContainerSettingsMapper.links(task, web));
        assertEquals(List.of(new Link("berth-0123456789ab-web", "web"), new Link("berth-0123456789ab-cache", "cache")),
                ContainerSettingsMapper.links(task, db));
        ContainerSettings offline = new ContainerSettings(null, null, null, false, false, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, false, false, true, null, null, 0);
        ContainerLaunch batch = launch("batch", null, offline);
        TaskLaunch withOffline = new TaskLaunch(ARN, "net", "bridge", Map.of(), List.of(db, batch));
        assertEquals(List.of(), ContainerSettingsMapper.links(withOffline, db), "nothing links to a container without networking");
        assertEquals(List.of(), ContainerSettingsMapper.links(withOffline, batch));
        TaskLaunch awsvpc = new TaskLaunch(ARN, "net", "awsvpc", Map.of(), List.of(web, db));
        assertEquals(List.of(), ContainerSettingsMapper.links(awsvpc, web), "awsvpc containers share localhost");
    }

    @Test
    void gpusBecomeTheDeviceRequestOfDockerRunGpus() {
        ContainerSettings gpu = new ContainerSettings(null, null, null, false, false, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, false, false, false, null, null, 2);
        ContainerLaunch c = launch("train", null, gpu);
        Built b = build(new TaskLaunch(ARN, "net", "host", Map.of(), List.of(c)), c);
        assertEquals(1, b.host().getDeviceRequests().size());
        assertEquals(2, b.host().getDeviceRequests().get(0).getCount());
        assertEquals(List.of(List.of("gpu")), b.host().getDeviceRequests().get(0).getCapabilities());
    }

    @Test
    void aContainerWithNoOptionsChangesNothing() {
        ContainerLaunch c = launch("web", 64, ContainerSettings.NONE);
        Built b = build(new TaskLaunch(ARN, "net", "awsvpc", Map.of(), List.of(c)), c);
        HostConfig untouched = HostConfig.newHostConfig();
        assertEquals(untouched, b.host());
        assertNull(b.cmd().getUser());
        assertNull(b.cmd().getHostName());
    }
}
