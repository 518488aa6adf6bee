package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;

import java.util.List;
import java.util.OptionalInt;

/** The sentences for the ways a task start fails, each naming the container and task. */
final class StartFailures {
    private final DockerErrors errors;

    StartFailures(DockerErrors errors) {
        this.errors = errors;
    }

    RuntimeFailure notFound(TaskLaunch task, ContainerLaunch c, DockerException e) {
        String reason = DockerErrors.reason(e);
        if (reason.contains("image")) {
            // The image was there when checked and vanished before create (or was never there
            // under this exact reference).
            return errors.imageMissing(c.image());
        }
        if (reason.contains("network") && task.networkName() != null && reason.contains(task.networkName())) {
            return new RuntimeFailure("Network \"" + task.networkName() + "\" does not exist on " + errors.where()
                    + ", so container \"" + c.name() + "\" of task " + task.taskArn() + " cannot join it.", e);
        }
        return errors.translate(e, "create container \"" + c.name() + "\" of task " + task.taskArn());
    }

    RuntimeFailure nameTaken(TaskLaunch task, ContainerLaunch c, DockerException e) {
        String name = ContainerNaming.containerName(task.taskArn(), c.name());
        return new RuntimeFailure("A container named \"" + name + "\" already exists on " + errors.where()
                + ", so container \"" + c.name() + "\" of task " + task.taskArn()
                + " cannot be created; stop the task that owns it first.", e);
    }

    /**
     * Names the container whose definition asked for the taken port, which in awsvpc mode need
     * not be the container publishing it.
     */
    RuntimeFailure portConflict(TaskLaunch task, ContainerLaunch publisher, List<TaskNetwork.Declared> published,
                                DockerException e) {
        OptionalInt hostPort = DockerErrors.conflictingHostPort(e);
        TaskNetwork.Declared culprit = null;
        for (TaskNetwork.Declared d : published) {
            boolean matches = hostPort.isPresent() ? d.binding().hostPort() == hostPort.getAsInt()
                    : d.binding().hostPort() != 0;
            if (matches) {
                culprit = d;
                break;
            }
        }
        if (culprit == null) {
            String port = hostPort.isPresent() ? ContainerSpecFactory.LOOPBACK + ":" + hostPort.getAsInt() : "port";
            return new RuntimeFailure.PortConflict("Host " + port + " is already in use, so container \""
                    + publisher.name() + "\" of task " + task.taskArn() + " cannot publish its ports.", e);
        }
        return new RuntimeFailure.PortConflict("Host port " + ContainerSpecFactory.LOOPBACK + ":"
                + culprit.binding().hostPort() + " is already in use, so container \"" + culprit.containerName()
                + "\" of task " + task.taskArn() + " cannot publish port " + culprit.binding().containerPort()
                + ".", e);
    }

    /** {@code oomKilled}: as {@link OomEvents} tells, which Docker's own flag alone may not. */
    RuntimeFailure exitedAtStart(TaskLaunch task, ContainerLaunch c, InspectContainerResponse.ContainerState state,
                                 boolean oomKilled, String lastOutput) {
        Long code = state.getExitCodeLong();
        StringBuilder m = new StringBuilder("Container \"").append(c.name()).append("\" of task ")
                .append(task.taskArn()).append(" exited right after starting (exit code ")
                .append(code == null ? "unknown" : code.toString());
        if (oomKilled) {
            m.append(", killed for exceeding its memory limit");
        }
        m.append(')');
        if (state.getError() != null && !state.getError().isBlank()) {
            m.append(" with the engine error \"").append(state.getError().strip()).append('"');
        }
        if (lastOutput.isEmpty()) {
            m.append(" and wrote no output.");
        } else {
            m.append("; its last output: ").append(lastOutput);
            if (!lastOutput.endsWith(".")) {
                m.append('.');
            }
        }
        return new RuntimeFailure.ExitedAtStart(m.toString(), c.name(), code == null ? null : code.intValue(),
                oomKilled);
    }

    /**
     * An essential container that will never start because a dependency cannot reach its
     * condition. ECS's agent marks it stopped with exit code 143 (what a SIGTERM gives) and
     * the reason below, and the task stops because an essential container did.
     */
    RuntimeFailure dependencyFailed(TaskLaunch task, String container, String reason) {
        return new RuntimeFailure.ExitedAtStart(DEPENDENCY_ERROR + ": " + reason, container, NEVER_STARTED_EXIT_CODE);
    }

    static final String DEPENDENCY_ERROR = "CannotStartContainerError";
    static final int NEVER_STARTED_EXIT_CODE = 143;
}
