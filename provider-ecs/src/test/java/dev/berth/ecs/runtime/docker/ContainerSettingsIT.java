package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerSettings;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each container option on a real container, checked from inside it or with docker inspect. */
@Tag(NoStore.TAG)
class ContainerSettingsIT extends EngineFixture {
    private static final long MIB = 1024L * 1024L;

    private static ContainerLaunch sleeper(String name, Integer memory, ContainerSettings s) {
        return new ContainerLaunch(name, TestEngine.IMAGE, null, memory, null, List.of(), Map.of(), null,
                List.of("sleep", "3600"), true, null, s);
    }

    @Test
    void everyOptionHoldsInsideTheContainer() throws Exception {
        ContainerSettings app = new ContainerSettings("app-host", "1000:1000", "/srv", false, false,
                List.of(new ContainerSettings.Ulimit("nofile", 1024, 2048)), Map.of("team", "payments"),
                List.of(new ContainerSettings.HostEntry("db.local", "10.9.8.7")), List.of("10.9.8.53"),
                List.of("corp.example"), true, List.of("NET_ADMIN"), List.of("MKNOD"), 32,
                List.of(new ContainerSettings.Tmpfs("/scratch", 64, List.of("noexec"))), List.of(), 16, 10,
                Map.of("net.ipv4.tcp_keepalive_time", "200"), true, true, false, List.of("no-new-privileges"),
                Map.of(), 0);
        // Not privileged: this machine's dockerd itself runs without every capability, so runc
        // cannot start a privileged container here ("unable to apply caps"); the unit test checks
        // that the flag reaches HostConfig.Privileged.
        ContainerSettings locked = new ContainerSettings(null, null, null, true, false, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, false, false, false, null, null, 0);
        ContainerSettings offline = new ContainerSettings(null, null, null, false, false, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, false, false, true, null, null, 0);
        String arn = engine.newTaskArn();
        List<ContainerInfo> started = engine.runtime.startTask(engine.task(arn, "bridge",
                sleeper("app", 64, app), sleeper("locked", null, locked), sleeper("offline", null, offline)));
        String appId = started.get(0).id(), lockedId = started.get(1).id(), offlineId = started.get(2).id();
        String interfaces = engine.exec(offlineId, "cat", "/proc/net/dev");
        assertTrue(interfaces.contains("lo:") && !interfaces.contains("eth0"), interfaces);
        assertTrue(engine.exec(appId, "cat", "/proc/net/dev").contains("eth0"));

        assertEquals("1000", engine.exec(appId, "id", "-u").strip());
        assertEquals("/srv", engine.exec(appId, "pwd").strip());
        // Read from the container's own first process: a `docker exec`ed shell's limits are not
        // the container's on every engine (one CI machine answered 2048 for `ulimit -n`).
        assertTrue(engine.exec(appId, "cat", "/proc/1/limits").matches("(?s).*\\nMax open files +1024 +2048 +files.*"),
                engine.exec(appId, "cat", "/proc/1/limits"));
        assertTrue(engine.exec(appId, "cat", "/etc/hosts").contains("10.9.8.7\tdb.local"));
        assertEquals("app-host", engine.exec(appId, "hostname").strip());
        assertTrue(engine.exec(appId, "cat", "/etc/resolv.conf").contains("search corp.example"));
        // --init: Docker's init is PID 1 and the command runs under it.
        assertEquals("docker-init", engine.exec(appId, "cat", "/proc/1/comm").strip());
        String mount = engine.exec(appId, "grep", " /scratch ", "/proc/mounts");
        assertTrue(mount.startsWith("tmpfs /scratch tmpfs") && mount.contains("noexec") && mount.contains("size=65536k"),
                mount);
        assertEquals("200", engine.exec(appId, "cat", "/proc/sys/net/ipv4/tcp_keepalive_time").strip());
        assertTrue(engine.exec(appId, "df", "-k", "/dev/shm").contains("32768"));

        InspectContainerResponse r = engine.raw.inspectContainerCmd(appId).exec();
        assertEquals("payments", r.getConfig().getLabels().get("team"));
        assertEquals(arn, r.getConfig().getLabels().get(ContainerNaming.TASK_ARN_LABEL));
        assertArrayEquals(new String[]{"10.9.8.53"}, r.getHostConfig().getDns());
        assertArrayEquals(new Capability[]{Capability.NET_ADMIN}, r.getHostConfig().getCapAdd());
        assertArrayEquals(new Capability[]{Capability.MKNOD}, r.getHostConfig().getCapDrop());
        assertEquals((64 + 16) * MIB, r.getHostConfig().getMemorySwap());
        assertEquals(List.of("no-new-privileges"), r.getHostConfig().getSecurityOpts());
        assertTrue(r.getConfig().getTty() && r.getConfig().getStdinOpen());

        assertTrue(engine.exec(lockedId, "touch", "/written").contains("Read-only file system"));
    }

    @Test
    void aGpuOnAnEngineWithoutOneIsRefusedInPlainWordsAndLeavesNothing() {
        ContainerSettings gpu = new ContainerSettings(null, null, null, false, false, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, false, false, false, null, null, 1);
        String arn = engine.newTaskArn();
        RuntimeFailure e = assertThrows(RuntimeFailure.class,
                () -> engine.runtime.startTask(engine.task(arn, "bridge", sleeper("train", null, gpu))));
        assertEquals("Container \"train\" of task " + arn + " requires 1 GPU, but the Docker engine has no GPU: it has "
                + "no device driver for GPUs (such as the NVIDIA Container Toolkit).", e.getMessage());
        assertEquals(List.of(), engine.containersOf(arn));
    }
}
