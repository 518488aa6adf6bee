package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

import java.util.List;

/** Force-removes containers (and their anonymous volumes); a container already gone is fine. */
final class ContainerRemover {
    private static final System.Logger LOG = System.getLogger(ContainerRemover.class.getName());

    private final DockerClient client;
    private final DockerErrors errors;
    private final java.util.function.Consumer<String> beforeRemoval;

    /** {@code beforeRemoval} hears every container id right before its removal (its output is kept then). */
    ContainerRemover(DockerClient client, DockerErrors errors, java.util.function.Consumer<String> beforeRemoval) {
        this.client = client;
        this.errors = errors;
        this.beforeRemoval = beforeRemoval;
    }

    /**
     * Removes in the given order and throws (translated) on the first real failure. Callers pass
     * joined awsvpc containers before the one owning the namespace they share.
     */
    void removeAll(List<String> ids) {
        for (String id : ids) {
            beforeRemoval.accept(id);
            try {
                client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // Removed concurrently or never fully created: nothing left to clean.
            } catch (com.github.dockerjava.api.exception.ConflictException e) {
                // "removal of container ... is already in progress": another caller (a read that
                // found the task ended, the agent) is removing it, which is all this asked for.
                if (e.getMessage() == null || !e.getMessage().contains("already in progress")) {
                    throw errors.translate(e, "remove container " + id);
                }
            } catch (RuntimeException e) {
                throw errors.translate(e, "remove container " + id);
            }
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
