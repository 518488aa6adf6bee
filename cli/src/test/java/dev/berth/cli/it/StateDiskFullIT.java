package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disk under the state file fills up in the middle of an apply. The state file lives on a
 * small tmpfs the test mounts; the service's own tasks fill it (a one-shot container writes
 * zeros into it through a bind mount, and the service's essential container waits for it), so
 * the disk is full exactly when the service has been created and its save is due. The apply (a
 * real berth process) says so in one sentence; while the disk is still full the state reads back
 * as the version before; once space is freed the next apply adopts the service the failed run
 * made, and the control plane and Docker hold exactly the tasks asked for, none made twice.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StateDiskFullIT {
    @TempDir
    Path dir;

    private Path disk;
    private boolean mounted;
    private DockerRuntime docker;
    private String cluster;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        requireRoot();
        docker = DockerEngine.require();
        cluster = "full-" + UUID.randomUUID().toString().substring(0, 8);
        disk = Files.createTempDirectory("berth-full-disk");
        run("mount", "-t", "tmpfs", "-o", "size=2m,mode=1777", "berth-full-disk", disk.toString());
        mounted = true;
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (mounted) Files.deleteIfExists(disk.resolve("zeros"));
            if (cluster != null) CliRun.in(dir, "destroy", "-auto-approve", "-state=" + state(), "-lock-timeout=30s");
            if (docker != null) DockerEngine.cleanUp(docker, cluster);
        } finally {
            try {
                if (mounted && run("umount", disk.toString()) != 0) run("umount", "-l", disk.toString());
                if (disk != null) Files.deleteIfExists(disk);
            } finally {
                if (docker != null) docker.close();
            }
        }
    }

    private Path state() {
        return disk.resolve("berth.db");
    }

    @Test
    void aFullDiskWhileTheStateIsWrittenIsOneSentenceAndTheNextApplyAdoptsWhatWasMade() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), config(cluster, disk));
        String failed;
        try (BerthProcess apply = BerthProcess.start(dir, "apply", "-auto-approve", "-no-color", "-state=" + state())) {
            Integer code = apply.exitCode(Duration.ofSeconds(120));
            failed = apply.output();
            assertEquals(1, code, failed);
        }
        assertTrue(Files.getFileStore(disk).getUsableSpace() < 4096, "the disk really was full");
        String sentence = "Error: ecs_service.app was created but not saved: cannot commit to state file " + state()
                + ": the disk is full.";
        assertTrue(failed.contains(sentence), failed);
        assertFalse(failed.contains("Internal error") || failed.contains("\tat "), failed);

        // The disk is still full: the version before the failed save reads back whole.
        CliRun list = CliRun.of("-chdir=" + dir, "state", "list", "-state=" + state());
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals(List.of("ecs_cluster.main", "ecs_container_instance.local", "ecs_task_definition.app"),
                list.out().lines().toList());
        assertEquals(2, runningTasks(), "the control plane has the service the failed run made");

        Files.delete(disk.resolve("zeros"));
        CliRun again = CliRun.in(dir, "apply", "-auto-approve", "-state=" + state());
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.err().contains("Adopted ecs_service.app (arn:aws:ecs:local:000000000000:service/" + cluster
                + "/app), which an interrupted run created but never saved."), again::toString);
        assertTrue(again.out().contains("Resources: 0 added, 0 changed, 0 destroyed."), again::toString);
        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode", "-state=" + state());
        assertEquals(0, plan.exitCode(), plan::toString);

        assertEquals(2, runningTasks(), "no task made twice");
        List<ContainerInfo> apps = DockerEngine.containersOf(docker, cluster).stream()
                .filter(c -> "app".equals(c.labels().get("dev.berth.container-name"))).toList();
        assertEquals(2, apps.size(), apps::toString);
        assertTrue(apps.stream().allMatch(ContainerInfo::running), apps::toString);
    }

    /** RUNNING tasks of the service, as ListTasks reads them from the control plane. */
    private int runningTasks() {
        try (var store = TestStores.openEcs(dir)) {
            return new ControlPlane(store, host -> docker).listTasks(new ListTasksRequest(cluster, null, null, null,
                    null, null, "app", "RUNNING", null)).taskArns().size();
        }
    }

    /**
     * Two tasks on the local engine. Each first runs "fill", which writes zeros into the disk
     * until it is full and exits 0; "app", the essential container, starts once fill has exited.
     */
    static String config(String cluster, Path disk) {
        return """
                resource "ecs_cluster" "main" {
                  name = "%1$s"
                }

                resource "ecs_container_instance" "local" {
                  cluster = ecs_cluster.main.id
                  cpu     = 1024
                  memory  = 512
                }

                resource "ecs_task_definition" "app" {
                  family                   = "%1$s-app"
                  network_mode             = "bridge"
                  requires_compatibilities = ["EC2"]
                  volume {
                    name      = "disk"
                    host_path = "%2$s"
                  }
                  container {
                    name        = "fill"
                    image       = "berth-example/busybox:latest"
                    memory      = 16
                    essential   = false
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["dd if=/dev/zero of=/disk/zeros bs=64k 2>/dev/null; exit 0"]
                    mount_points {
                      source_volume  = "disk"
                      container_path = "/disk"
                    }
                  }
                  container {
                    name        = "app"
                    image       = "berth-example/busybox:latest"
                    memory      = 16
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["trap 'exit 0' TERM; while :; do sleep 1 & wait $!; done"]
                    depends_on {
                      container_name = "fill"
                      condition      = "COMPLETE"
                    }
                  }
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 2
                  launch_type     = "EC2"
                  depends_on      = [ecs_container_instance.local]
                }
                """.formatted(cluster, disk);
    }

    /** Mounting a tmpfs needs root: without it the test is skipped, and with CI=true it fails. */
    private static void requireRoot() throws Exception {
        Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        if ("0".equals(uid)) return;
        if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but mounting a tmpfs needs root");
        Assumptions.abort("mounting a tmpfs needs root");
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end");
        }
        if (p.exitValue() != 0 && command[0].equals("mount")) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return p.exitValue();
    }
}
