package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

import java.util.List;

/** Force-removes containers (and their anonymous volumes); a container already gone is fine. */
final class ContainerRemover {
    private static final System.Logger LOG = System.getLogger(ContainerRemover.class.getName());

    private final DockerClient client;
    private final DockerErrors errors;
    /**
     * Pauses between tries of a removal refused because the container's root filesystem is still
     * busy: 0.1 s doubling, about 3 s in all before the refusal stands.
     */
    private static final long[] BUSY_PAUSES_MS = {100, 200, 400, 800, 1600};

    private final java.util.function.Consumer<String> beforeRemoval;
    private final java.util.function.LongConsumer pause;

    /** {@code beforeRemoval} hears every container id right before its removal (its output is kept then). */
    ContainerRemover(DockerClient client, DockerErrors errors, java.util.function.Consumer<String> beforeRemoval) {
        this(client, errors, beforeRemoval, ContainerRemover::sleep);
    }

    ContainerRemover(DockerClient client, DockerErrors errors, java.util.function.Consumer<String> beforeRemoval,
                     java.util.function.LongConsumer pause) {
        this.client = client;
        this.errors = errors;
        this.beforeRemoval = beforeRemoval;
        this.pause = pause;
    }

    /**
     * Removes in the given order and throws (translated) on the first real failure. Callers pass
     * joined awsvpc containers before the one owning the namespace they share.
     */
    void removeAll(List<String> ids) {
        for (String id : ids) {
            beforeRemoval.accept(id);
            remove(id);
        }
    }

    private void remove(String id) {
        for (int attempt = 0; ; attempt++) {
            try {
                client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
                return;
            } catch (NotFoundException gone) {
                // Removed concurrently or never fully created: nothing left to clean.
                return;
            } catch (com.github.dockerjava.api.exception.ConflictException e) {
                // "removal of container ... is already in progress": another caller (a read that
                // found the task ended, the agent) is removing it, which is all this asked for.
                if (e.getMessage() == null || !e.getMessage().contains("already in progress")) {
                    throw errors.translate(e, "remove container " + id);
                }
                return;
            } catch (RuntimeException e) {
                // overlay2's "failed to remove root filesystem ... device or resource busy": a
                // mount the kernel lets go of a moment later (seen right after an engine restart).
                // The container is left Dead, and a second removal succeeds.
                if (!rootFilesystemBusy(e) || attempt == BUSY_PAUSES_MS.length) {
                    throw errors.translate(e, "remove container " + id);
                }
                pause.accept(BUSY_PAUSES_MS[attempt]);
            }
        }
    }

    static boolean rootFilesystemBusy(RuntimeException e) {
        // The whole message: the path between the two phrases is long enough to be cut from a reason.
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof com.github.dockerjava.api.exception.InternalServerErrorException
                && message.contains("failed to remove root filesystem") && message.contains("device or resource busy");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to remove a container again", e);
        }
    }

    /**
     * Cleanup after a failed start: the start failure is what the user must see, so a removal
     * failure here is only logged (with the id, so the leftover can be found).
     */
    void removeQuietly(List<String> ids) {
        for (String id : ids) {
            try {
                removeAll(List.of(id));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not remove container " + id
                        + " after a failed task start: " + e.getMessage());
            }
        }
    }
}
