package dev.berth.ecs.task;

import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.TaskRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One starter for every task: where it runs, what it records, what a failed start leaves. */
class TaskStarterTest {
    private final MemoryStore store = new MemoryStore();
    private final FakeRuntime local = new FakeRuntime();
    private final FakeRuntime remote = new FakeRuntime();
    private final List<String> asked = new ArrayList<>();
    private final TaskStarter starter = new TaskStarter(store, host -> {
        asked.add(String.valueOf(host));
        return host == null ? local : remote;
    });
    private final ClusterRow cluster = new ClusterRow("arn:aws:ecs:local:000000000000:cluster/prod", "prod",
            "berth-prod", Map.of(), "ACTIVE");
    private final TaskDefinitionRow td = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/web:1",
            "web", 1, "ACTIVE", null, null, "bridge", null, null, null,
            "[{\"name\":\"web\",\"image\":\"nginx\",\"cpu\":256,\"memory\":128,"
                    + "\"portMappings\":[{\"containerPort\":80,\"hostPort\":8080}]}]", "2026-01-01T00:00:00Z");
    private final String service = "arn:aws:ecs:local:000000000000:service/prod/api";

    @Test
    void aFargateTaskRunsOnTheLocalEngineAndBooksItsReservation() {
        TaskRow row = starter.start(StartRequest.forService(cluster, td, null, service));
        assertEquals(List.of("null"), asked);
        assertEquals(1, local.launches.size());
        assertEquals(TaskRow.RUNNING, row.status());
        assertEquals("FARGATE", row.launchType());
        assertEquals("service:api", row.group());
        assertEquals(service, row.startedBy());
        assertEquals(row, read(TaskRow.TABLE, row.taskArn(), TaskRow.class));
        PlacementRow p = read(PlacementRow.TABLE, row.taskArn(), PlacementRow.class);
        assertNull(p.instanceArn());
        assertEquals(256, p.cpu());
        assertEquals(128, p.memory());
        assertEquals(List.of("8080/tcp"), p.hostPorts());
    }

    @Test
    void anEc2TaskRunsOnItsInstancesEngineWithTheInstanceLabel() {
        InstanceRow instance = new InstanceRow("arn:aws:ecs:local:000000000000:container-instance/prod/i1", "i1",
                cluster.arn(), "tcp://other:2375", "tcp://other:2375", 1024, 2048, Map.of(), "ACTIVE", true);
        TaskRow row = starter.start(new StartRequest(cluster, td, instance, "family:web", "nightly", null));
        assertEquals(List.of("tcp://other:2375"), asked);
        assertEquals(0, local.launches.size());
        assertEquals(instance.arn(), remote.launches.get(0).labels().get("dev.berth.container-instance"));
        assertTrue(remote.networkExists("berth-prod"), "the cluster network is made on the instance's engine");
        assertEquals("EC2", row.launchType());
        assertEquals("nightly", row.startedBy());
        assertNull(row.serviceArn());
        assertEquals(instance.arn(), read(PlacementRow.TABLE, row.taskArn(), PlacementRow.class).instanceArn());
    }

    @Test
    void aFailedStartIsRecordedStoppedWithItsReasonAndBooksNothing() {
        local.missingImages.add("nginx");
        assertThrows(RuntimeFailure.class, () -> starter.start(StartRequest.forService(cluster, td, null, service)));
        Map<String, String> rows = store.list(TaskRow.TABLE);
        assertEquals(1, rows.size());
        TaskRow row = Json.read(rows.values().iterator().next(), TaskRow.class);
        assertEquals(TaskRow.STOPPED, row.status());
        assertEquals(TaskRow.TASK_FAILED_TO_START, row.stopCode());
        assertEquals("Image nginx is not present on the engine.", row.stoppedReason());
        assertEquals(Map.of(), store.list(PlacementRow.TABLE));
    }

    @Test
    void aTaskNeedingHostAccessStartsOnlyOnAnInstanceThatAllowsItAndNeverAsFargate() {
        TaskDefinitionRow hostNet = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/web:2", "web", 2,
                "ACTIVE", null, null, "host", null, null, null, "[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":64}]",
                "2026-01-01T00:00:00Z", "{\"volumes\":[{\"name\":\"sock\",\"host\":{\"sourcePath\":\"/var/run/docker.sock\"}}]}");
        InstanceRow plain = new InstanceRow("arn:aws:ecs:local:000000000000:container-instance/prod/i1", "i1",
                cluster.arn(), null, null, 1024, 2048, Map.of(), "ACTIVE", true);
        RuntimeFailure refused = assertThrows(RuntimeFailure.class,
                () -> starter.start(new StartRequest(cluster, hostNet, plain, "family:web", "me", null)));
        assertEquals("The task needs host networking, which container instance i1 does not allow; give the instance "
                + "the attribute dev.berth.allow-host-network to allow it.", refused.getMessage());
        assertEquals(0, local.launches.size() + remote.launches.size(), "no container was started");
        assertEquals(Map.of(), store.list(PlacementRow.TABLE));
        assertTrue(assertThrows(RuntimeFailure.class, () -> starter.start(StartRequest.forService(cluster, hostNet, null,
                service))).getMessage().startsWith("Tasks using the Fargate launch type do not support host networking"));
        InstanceRow allowing = new InstanceRow(plain.arn(), "i1", cluster.arn(), null, null, 1024, 2048,
                Map.of("dev.berth.allow-host-network", "", "dev.berth.allow-host-path/var/run", ""), "ACTIVE", true);
        assertEquals(TaskRow.RUNNING, starter.start(new StartRequest(cluster, hostNet, allowing, "family:web", "me", null))
                .status());
    }

    @TempDir
    Path tmp;

    private TaskDefinitionRow binding(String hostPath) {
        return new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/web:3", "web", 3, "ACTIVE", null,
                null, "bridge", null, null, null, "[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":64}]",
                "2026-01-01T00:00:00Z", "{\"volumes\":[{\"name\":\"v\",\"host\":{\"sourcePath\":\"" + hostPath + "\"}}]}");
    }

    @Test
    void aBoundPathThatIsASymlinkToASensitiveOneOnALocalEngineNeedsTheAllowanceForWhatItIs() throws Exception {
        Path root = Files.createSymbolicLink(tmp.resolve("root"), Path.of("/"));
        Files.createSymbolicLink(tmp.resolve("kernel"), Path.of("/sys/kernel"));
        Files.createSymbolicLink(tmp.resolve("hop"), Path.of("kernel"));
        InstanceRow local = new InstanceRow("arn:aws:ecs:local:000000000000:container-instance/prod/i1", "i1",
                cluster.arn(), null, "unix:///var/run/docker.sock", 1024, 2048, Map.of(), "ACTIVE", true);

        RuntimeFailure refused = assertThrows(RuntimeFailure.class,
                () -> starter.start(new StartRequest(cluster, binding(root.toString()), local, "family:web", "me", null)));
        assertEquals("The task needs a bind mount of " + root + " (which is / on the engine's host), which container "
                + "instance i1 does not allow; give the instance the attribute dev.berth.allow-host-path/ to allow it.",
                refused.getMessage());
        // A relative link to a link, then "..": the kernel climbs from /sys/kernel, not from the text.
        String climb = tmp.resolve("hop") + "/..";
        assertTrue(assertThrows(RuntimeFailure.class, () -> starter.start(new StartRequest(cluster, binding(climb), local,
                "family:web", "me", null))).getMessage().contains("(which is /sys on the engine's host)"));
        assertEquals(0, this.local.launches.size(), "no container was started");

        InstanceRow allowing = new InstanceRow(local.arn(), "i1", cluster.arn(), null, local.engine(), 1024, 2048,
                Map.of("dev.berth.allow-host-path/", ""), "ACTIVE", true);
        assertEquals(TaskRow.RUNNING, starter.start(new StartRequest(cluster, binding(root.toString()), allowing,
                "family:web", "me", null)).status());
    }

    @Test
    void onAnEngineOfAnotherHostABoundPathIsJudgedAsWritten() throws Exception {
        Path root = Files.createSymbolicLink(tmp.resolve("root"), Path.of("/"));
        InstanceRow far = new InstanceRow("arn:aws:ecs:local:000000000000:container-instance/prod/i2", "i2",
                cluster.arn(), "tcp://other:2376", "tcp://other:2376", 1024, 2048, Map.of(), "ACTIVE", true);
        // berth cannot see that host's files: this machine's symlink says nothing of a path there.
        assertEquals(TaskRow.RUNNING, starter.start(new StartRequest(cluster, binding(root.toString()), far, "family:web",
                "me", null)).status());
        assertThrows(RuntimeFailure.class, () -> starter.start(new StartRequest(cluster, binding("/srv/../etc"), far,
                "family:web", "me", null)));
    }

    @Test
    void theHostsProcessAndIpcNamespacesEachNeedTheirAllowance() {
        TaskDefinitionRow pid = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/web:4", "web", 4,
                "ACTIVE", null, null, "bridge", null, null, null, "[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":64}]",
                "2026-01-01T00:00:00Z", "{\"pidMode\":\"host\",\"ipcMode\":\"host\"}");
        InstanceRow plain = new InstanceRow("arn:aws:ecs:local:000000000000:container-instance/prod/i1", "i1",
                cluster.arn(), null, null, 1024, 2048, Map.of(), "ACTIVE", true);
        assertEquals("The task needs the host's process namespace (pidMode host), which container instance i1 does not "
                + "allow; give the instance the attribute dev.berth.allow-host-pid to allow it.", assertThrows(
                RuntimeFailure.class, () -> starter.start(new StartRequest(cluster, pid, plain, "family:web", "me", null)))
                .getMessage());
        InstanceRow pidOnly = new InstanceRow(plain.arn(), "i1", cluster.arn(), null, null, 1024, 2048,
                Map.of("dev.berth.allow-host-pid", ""), "ACTIVE", true);
        assertTrue(assertThrows(RuntimeFailure.class, () -> starter.start(new StartRequest(cluster, pid, pidOnly,
                "family:web", "me", null))).getMessage().contains("dev.berth.allow-host-ipc"));
        InstanceRow both = new InstanceRow(plain.arn(), "i1", cluster.arn(), null, null, 1024, 2048,
                Map.of("dev.berth.allow-host-pid", "", "dev.berth.allow-host-ipc", ""), "ACTIVE", true);
        assertEquals(TaskRow.RUNNING, starter.start(new StartRequest(cluster, pid, both, "family:web", "me", null)).status());
    }

    private <T> T read(String table, String key, Class<T> type) {
        return Json.read(store.get(table, key).orElseThrow(), type);
    }
}
