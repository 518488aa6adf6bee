package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.TaskPlatform;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pidMode, ipcMode and runtimePlatform on the real engine. */
@Tag(NoStore.TAG)
class TaskPlatformIT extends EngineFixture {

    private TaskLaunch pair(String arn, TaskPlatform platform) {
        ContainerLaunch first = TestEngine.container("first", List.of(), "exec sleep 3600");
        ContainerLaunch second = TestEngine.container("second", List.of(), "exec sleep 3601");
        return new TaskLaunch(arn, engine.networkName(), "bridge", engine.runLabels(), List.of(first, second), List.of(),
                platform);
    }

    @Test
    void pidModeTaskLetsTheTasksContainersSeeEachOthersProcesses() throws InterruptedException {
        List<ContainerInfo> started = engine.runtime.startTask(pair(engine.newTaskArn(),
                new TaskPlatform("task", "task", null)));
        String ps = engine.exec(started.get(1).id(), "ps", "-o", "args");
        assertTrue(ps.contains("sleep 3600"), "the second container sees the first's process:\n" + ps);
        assertEquals("container:" + started.get(0).id(),
                engine.raw.inspectContainerCmd(started.get(1).id()).exec().getHostConfig().getIpcMode());
        assertEquals("shareable", engine.raw.inspectContainerCmd(started.get(0).id()).exec().getHostConfig().getIpcMode());
    }

    @Test
    void withoutPidModeEachContainerHasItsOwnProcesses() throws InterruptedException {
        List<ContainerInfo> started = engine.runtime.startTask(pair(engine.newTaskArn(), TaskPlatform.DEFAULT));
        assertFalse(engine.exec(started.get(1).id(), "ps", "-o", "args").contains("sleep 3600"));
    }

    @Test
    void aTaskForAnotherCpuArchitectureIsRefusedBeforeAnythingIsCreated() {
        String engineArch = engine.raw.infoCmd().exec().getArchitecture();
        String other = PlatformCheck.ecsName(engineArch).equals("ARM64") ? "X86_64" : "ARM64";
        String arn = engine.newTaskArn();
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> engine.runtime.startTask(pair(arn,
                new TaskPlatform(null, null, other))));
        assertEquals("Task " + arn + " needs runtimePlatform cpuArchitecture " + other + ", but its Docker engine runs "
                + engineArch + ".", e.getMessage());
        assertTrue(engine.raw.listContainersCmd().withShowAll(true)
                .withLabelFilter(engine.runLabels()).exec().isEmpty(), "no container was created");
    }
}
