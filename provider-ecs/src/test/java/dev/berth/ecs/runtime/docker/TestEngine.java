package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.TaskLaunch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real engine for integration tests, plus a raw docker-java client so assertions look at
 * what Docker itself reports rather than at the adapter's own mapping. Everything a test makes
 * carries this run's label, and {@link #cleanUp()} removes all of it.
 */
final class TestEngine implements AutoCloseable {
    static final String IMAGE = "berth-example/busybox:latest";
    static final String RUN_LABEL = "dev.berth.test-run";

    final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final DockerRuntime runtime;
    final DockerClient raw;
    private final DockerConnection rawConnection;

    private TestEngine(DockerRuntime runtime, DockerConnection rawConnection) {
        this.runtime = runtime;
        this.rawConnection = rawConnection;
        this.raw = rawConnection.client();
    }

    /** The local engine ({@link LocalEngine#require}: required in CI, skipped without it elsewhere). */
    static TestEngine connect() {
        return new TestEngine(LocalEngine.require(), DockerConnection.open(null));
    }

    Map<String, String> runLabels() {
        return Map.of(RUN_LABEL, runId);
    }

    String networkName() {
        return "berth-it-" + runId;
    }

    String newTaskArn() {
        return "arn:aws:ecs:local:000000000000:task/berth-it/" + UUID.randomUUID().toString().replace("-", "");
    }

    TaskLaunch task(String arn, String mode, ContainerLaunch... containers) {
        return new TaskLaunch(arn, networkName(), mode, runLabels(), List.of(containers));
    }

    static ContainerLaunch container(String name, List<PortBinding> ports, String... shell) {
        return new ContainerLaunch(name, IMAGE, null, null, null, ports, Map.of(), null,
                List.of("sh", "-c", String.join(" ", shell)), true);
    }

    List<Container> leftovers() {
        return raw.listContainersCmd().withShowAll(true).withLabelFilter(runLabels()).exec();
    }

    List<Container> containersOf(String taskArn) {
        return raw.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerNaming.TASK_ARN_LABEL, taskArn)).exec();
    }

    /** The Docker volumes this run made (task volumes carry the task's labels, shared ones the test's). */
    List<com.github.dockerjava.api.command.InspectVolumeResponse> volumes() {
        var found = raw.listVolumesCmd().withFilter("label", List.of(RUN_LABEL + "=" + runId)).exec().getVolumes();
        return found == null ? List.of() : found;
    }

    /** Runs a command in a container with docker exec and returns its stdout and stderr. */
    String exec(String containerId, String... command) throws InterruptedException {
        String execId = raw.execCreateCmd(containerId).withAttachStdout(true).withAttachStderr(true)
                .withCmd(command).exec().getId();
        StringBuilder out = new StringBuilder();
        raw.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (out) {
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }
        }).awaitCompletion(15, TimeUnit.SECONDS);
        synchronized (out) {
            return out.toString();
        }
    }

    /** Removes every container and network of this run, whatever state the test left. */
    void cleanUp() {
        List<String> joinedFirst = new ArrayList<>();
        for (Container c : leftovers()) {
            String mode = c.getHostConfig() == null ? "" : String.valueOf(c.getHostConfig().getNetworkMode());
            if (mode.startsWith("container:")) {
                joinedFirst.add(0, c.getId());
            } else {
                joinedFirst.add(c.getId());
            }
        }
        for (String id : joinedFirst) {
            try {
                raw.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // already removed by the code under test
            }
        }
        // After the containers that use them: every volume of this run, task-scoped or shared.
        for (var v : volumes()) {
            try {
                raw.removeVolumeCmd(v.getName()).exec();
            } catch (NotFoundException gone) {
                // already removed by the code under test
            }
        }
        for (Network n : raw.listNetworksCmd().withFilter("label", List.of(RUN_LABEL + "=" + runId)).exec()) {
            try {
                raw.removeNetworkCmd(n.getId()).exec();
            } catch (NotFoundException gone) {
                // already removed by the test
            }
        }
    }

    @Override
    public void close() {
        try {
            cleanUp();
        } finally {
            runtime.close();
            rawConnection.close();
        }
    }
}
