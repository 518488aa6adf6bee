package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stops a task the way ECS does: every container gets its stop signal at once, then whatever
 * is still running after its grace period is killed (by the forced removal). A container's
 * grace is its own stop timeout (the task definition's stopTimeout) when it has one, else the
 * caller's default; a zero grace kills at once.
 *
 * <p>Docker's own stop endpoint blocks for the whole grace period per container, which would
 * stop a task's containers one after another and need a response timeout longer than any grace
 * period. Signalling all of them and polling keeps every request short and the stop parallel.
 */
final class TaskStopper {
    private static final long POLL_MILLIS = 200;

    private final DockerClient client;
    private final DockerErrors errors;
    private final ContainerRemover remover;
    private final StopSignals signals;

    TaskStopper(DockerClient client, DockerErrors errors, ContainerRemover remover, StopSignals signals) {
        this.client = client;
        this.errors = errors;
        this.remover = remover;
        this.signals = signals;
    }

    void stop(String taskArn, Duration grace) {
        List<Container> found = list(taskArn);
        // Its metadata endpoint needs nothing: the metadata agent stops it once its namespace is gone.
        if (found.isEmpty()) return;
        boolean anyRunning = found.stream().anyMatch(c -> "running".equals(c.getState()));
        if (anyRunning && grace != null && !grace.isZero() && !grace.isNegative()) {
            Map<String, Long> deadlines = new HashMap<>();
            long now = System.nanoTime();
            for (Container c : found) {
                if ("running".equals(c.getState())) {
                    StopSignals.Stop how = signals.stop(c.getId());
                    Duration own = how.timeoutSeconds() == null ? grace : Duration.ofSeconds(how.timeoutSeconds());
                    deadlines.put(c.getId(), now + own.toNanos());
                    signal(c.getId(), how.signal(), taskArn);
                }
            }
            awaitStopped(taskArn, deadlines);
        }
        remover.removeAll(joinedFirst(found));
    }

    private void signal(String id, String signal, String taskArn) {
        try {
            client.killContainerCmd(id).withSignal(signal).exec();
        } catch (NotFoundException | ConflictException | NotModifiedException alreadyDown) {
            // Gone or no longer running (dockerd answers 409 for "is not running"): stopped enough.
        } catch (RuntimeException e) {
            throw errors.translate(e, "signal container " + id + " of task " + taskArn);
        }
    }

    /**
     * Waits until every container has stopped; one still running at its own deadline is killed
     * then, so a short grace is not stretched by a sibling's longer one.
     */
    private void awaitStopped(String taskArn, Map<String, Long> deadlines) {
        while (true) {
            long now = System.nanoTime();
            long next = Long.MAX_VALUE;
            for (Container c : list(taskArn)) {
                Long deadline = deadlines.get(c.getId());
                if (!"running".equals(c.getState()) || deadline == null) continue;
                if (deadline > now) {
                    next = Math.min(next, deadline);
                } else {
                    signal(c.getId(), "SIGKILL", taskArn);
                    deadlines.remove(c.getId());
                }
            }
            if (next == Long.MAX_VALUE) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, (next - now) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeFailure("Stopping task " + taskArn + " was interrupted.", e);
            }
        }
    }

    private List<Container> list(String taskArn) {
        try {
            return client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(ContainerNaming.TASK_ARN_LABEL, taskArn)).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "list the containers of task " + taskArn);
        }
    }

    /** Containers sharing another's namespace (awsvpc) go before the namespace owner. */
    private static List<String> joinedFirst(List<Container> containers) {
        List<String> joined = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Container c : containers) {
            String mode = c.getHostConfig() == null ? null : c.getHostConfig().getNetworkMode();
            (mode != null && mode.startsWith("container:") ? joined : others).add(c.getId());
        }
        joined.addAll(others);
        return joined;
    }
}
