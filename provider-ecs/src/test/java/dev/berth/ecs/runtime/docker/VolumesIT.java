package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerVolumes;
import dev.berth.ecs.runtime.ContainerVolumes.From;
import dev.berth.ecs.runtime.ContainerVolumes.Mount;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.VolumeLaunch;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Task volumes on the real engine: what lives with a task, what outlives it, what another
 * container sees and what it may not write. Every volume carries this run's label (task volumes
 * through the task's labels, shared ones through their own), so the fixture removes them all.
 */
@Tag(NoStore.TAG)
class VolumesIT extends EngineFixture {

    private static ContainerLaunch container(String name, ContainerVolumes volumes, String shell) {
        return new ContainerLaunch(name, TestEngine.IMAGE, null, null, null, List.of(), Map.of(), null,
                List.of("sh", "-c", shell), true, null, volumes);
    }

    private TaskLaunch task(String arn, List<VolumeLaunch> volumes, ContainerLaunch... containers) {
        return new TaskLaunch(arn, engine.networkName(), "bridge", engine.runLabels(), List.of(containers), volumes);
    }

    private VolumeLaunch shared(String name, boolean autoprovision, Map<String, String> opts) {
        return new VolumeLaunch(name, VolumeLaunch.Kind.SHARED, null, "local", opts, engine.runLabels(), autoprovision);
    }

    private static ContainerVolumes mount(String volume, String path, boolean readOnly) {
        return new ContainerVolumes(List.of(new Mount(volume, path, readOnly)), List.of());
    }

    private String id(List<ContainerInfo> started, String name) {
        return started.stream().filter(c -> c.name().endsWith("-" + name)).findFirst().orElseThrow().id();
    }

    @Test
    void aFileInASharedVolumeOutlivesTheTaskAndTheNextTaskReadsIt() throws Exception {
        String volume = "berth-it-shared-" + engine.runId;
        String first = engine.newTaskArn();
        List<ContainerInfo> one = engine.runtime.startTask(task(first, List.of(shared(volume, true, Map.of())),
                container("app", mount(volume, "/data", false), "echo kept > /data/note && exec sleep 3600")));
        assertEquals("kept", engine.exec(id(one, "app"), "cat", "/data/note").strip());
        engine.runtime.stopTask(first, Duration.ZERO);

        assertEquals(List.of(), engine.containersOf(first));
        InspectVolumeResponse kept = engine.raw.inspectVolumeCmd(volume).exec();
        assertEquals("shared", kept.getLabels().get(VolumeOps.SCOPE_LABEL), "berth marks the volume it made");

        String second = engine.newTaskArn();
        List<ContainerInfo> two = engine.runtime.startTask(task(second, List.of(shared(volume, true, Map.of())),
                container("app", mount(volume, "/data", false), "exec sleep 3600")));
        assertEquals("kept", engine.exec(id(two, "app"), "cat", "/data/note").strip());
    }

    @Test
    void aTaskVolumeIsMadeForItsTaskAndGoesWhenTheTaskStops() throws Exception {
        String arn = engine.newTaskArn();
        List<ContainerInfo> started = engine.runtime.startTask(task(arn, List.of(VolumeLaunch.empty("scratch")),
                container("app", mount("scratch", "/scratch", false), "echo hi > /scratch/f && exec sleep 3600")));
        assertEquals("hi", engine.exec(id(started, "app"), "cat", "/scratch/f").strip());
        List<InspectVolumeResponse> mine = volumesOf(arn);
        assertEquals(1, mine.size());
        assertEquals(VolumeOps.taskVolumeName(arn, "scratch"), mine.get(0).getName());
        assertEquals("scratch", mine.get(0).getLabels().get(VolumeOps.VOLUME_LABEL));

        engine.runtime.stopTask(arn, Duration.ZERO);

        assertEquals(List.of(), volumesOf(arn), "the task's volume went with it");
    }

    @Test
    void volumesFromSeesTheOtherContainersVolumesAndReadOnlyMountsRefuseWrites() throws Exception {
        String arn = engine.newTaskArn();
        ContainerLaunch writer = container("writer", mount("shared-data", "/data", false),
                "echo from-writer > /data/f && exec sleep 3600");
        ContainerLaunch reader = container("reader",
                new ContainerVolumes(List.of(), List.of(new From("writer", false))), "exec sleep 3600");
        ContainerLaunch viewer = container("viewer",
                new ContainerVolumes(List.of(), List.of(new From("writer", true))), "exec sleep 3600");
        ContainerLaunch ro = container("ro", mount("shared-data", "/data", true), "exec sleep 3600");
        List<ContainerInfo> started = engine.runtime.startTask(task(arn, List.of(VolumeLaunch.empty("shared-data")),
                writer, reader, viewer, ro));

        assertEquals("from-writer", engine.exec(id(started, "reader"), "cat", "/data/f").strip());
        assertEquals("rc=0", engine.exec(id(started, "reader"), "sh", "-c", "echo more >> /data/f; echo rc=$?").strip(),
                "volumesFrom without readOnly is read-write");
        assertEquals("from-writer\nmore", engine.exec(id(started, "viewer"), "cat", "/data/f").strip());
        for (String name : List.of("viewer", "ro")) {
            String out = engine.exec(id(started, name), "sh", "-c", "touch /data/g 2>&1; echo rc=$?");
            assertTrue(out.contains("Read-only file system") && out.strip().endsWith("rc=1"), name + ": " + out);
        }
        assertEquals("from-writer\nmore", engine.exec(id(started, "ro"), "cat", "/data/f").strip());
    }

    @Test
    void aHostPathIsBoundIntoTheContainer() throws Exception {
        Path dir = Files.createTempDirectory("berth-volumes-it");
        try {
            Files.writeString(dir.resolve("config.txt"), "from the host\n");
            String arn = engine.newTaskArn();
            List<ContainerInfo> started = engine.runtime.startTask(task(arn,
                    List.of(VolumeLaunch.bind("conf", dir.toString())),
                    container("app", mount("conf", "/etc/app", true), "exec sleep 3600")));
            assertEquals("from the host", engine.exec(id(started, "app"), "cat", "/etc/app/config.txt").strip());
            engine.runtime.stopTask(arn, Duration.ZERO);
            assertTrue(Files.exists(dir.resolve("config.txt")), "a bind mount is the host's, never removed");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aMissingSharedVolumeWithoutAutoprovisionFailsInEcsWordsAndLeavesNothing() {
        String volume = "berth-it-absent-" + engine.runId;
        String arn = engine.newTaskArn();
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> engine.runtime.startTask(task(arn,
                List.of(VolumeLaunch.empty("scratch"), shared(volume, false, Map.of())),
                container("app", new ContainerVolumes(List.of(new Mount("scratch", "/s", false),
                        new Mount(volume, "/d", false)), List.of()), "exec sleep 3600"))));

        assertEquals("initialize volume: volume detection failed, volume '" + volume + "' does not exist and "
                + "autoprovision is set to false (on the Docker engine at " + engine.runtime.endpoint() + ").",
                e.getMessage());
        assertEquals(List.of(), engine.containersOf(arn));
        assertEquals(List.of(), volumesOf(arn), "the task volume made before the failure is gone");
    }

    @Test
    void anExistingSharedVolumeWithOtherOptionsIsRefusedAsEcsRefusesIt() {
        String volume = "berth-it-opts-" + engine.runId;
        engine.raw.createVolumeCmd().withName(volume).withDriver("local")
                .withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs")).withLabels(engine.runLabels()).exec();
        String arn = engine.newTaskArn();
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> engine.runtime.startTask(task(arn,
                List.of(shared(volume, true, Map.of())),
                container("app", mount(volume, "/d", false), "exec sleep 3600"))));

        assertEquals("initialize volume: volume '" + volume + "' does not match existing volume options: existing: "
                + "map[device:tmpfs type:tmpfs], expected: map[] (on the Docker engine at " + engine.runtime.endpoint()
                + ").", e.getMessage());
        assertEquals(List.of(), engine.containersOf(arn));
    }

    @Test
    void aVolumeDriverTheEngineLacksIsRefusedBeforeAnythingIsMade() {
        String arn = engine.newTaskArn();
        VolumeLaunch plugin = new VolumeLaunch("ebs", VolumeLaunch.Kind.TASK, null, "rexray/ebs:latest", Map.of(),
                Map.of(), false);
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> engine.runtime.startTask(task(arn,
                List.of(VolumeLaunch.empty("scratch"), plugin),
                container("app", mount("ebs", "/ebs", false), "exec sleep 3600"))));

        assertTrue(e.getMessage().startsWith("Volume 'ebs' of task " + arn + " uses the volume driver "
                + "'rexray/ebs:latest', which the Docker engine at " + engine.runtime.endpoint()
                + " does not have (its volume drivers: local"), e.getMessage());
        assertTrue(e.getMessage().endsWith("); ECS places such a task only on an instance with the attribute "
                + "ecs.capability.docker-plugin.rexray/ebs.latest."), e.getMessage());
        assertEquals(List.of(), engine.containersOf(arn));
        assertEquals(List.of(), volumesOf(arn));
    }

    private List<InspectVolumeResponse> volumesOf(String arn) {
        var found = engine.raw.listVolumesCmd().withFilter("label", List.of(ContainerNaming.TASK_ARN_LABEL + "=" + arn))
                .exec().getVolumes();
        return found == null ? List.of() : found;
    }
}
