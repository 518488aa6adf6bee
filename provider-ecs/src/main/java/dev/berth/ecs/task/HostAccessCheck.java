package dev.berth.ecs.task;

import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.taskdef.HostAccess;

import java.util.List;

/**
 * The last word before containers start: the instance chosen must allow what the revision needs
 * of its host ({@link HostAccess}). Placement already went only to such instances; this holds
 * for a StartTask naming its instance, for an instance whose attributes changed since, and for a
 * bound host path that is a symlink to a sensitive one on the engine's host ({@link HostPaths}),
 * which placement, judging the text, cannot know.
 */
final class HostAccessCheck {
    private HostAccessCheck() {
    }

    static void require(TaskDefinitionRow td, InstanceRow instance) {
        // FARGATE tasks run on the local engine.
        List<HostAccess.Need> needs = HostAccess.needs(td, HostPaths.on(instance == null ? null
                : instance.engine() == null ? instance.dockerHost() : instance.engine()));
        if (needs.isEmpty()) return;
        if (instance == null) {
            // ECS refuses these for FARGATE at registration; a revision registered for EC2 only
            // and run as FARGATE meets the same answer here.
            throw new RuntimeFailure("Tasks using the Fargate launch type do not support " + needs.get(0).what() + ".", null);
        }
        HostAccess.refusal(needs, instance.attributes(), instance.id()).ifPresent(m -> {
            throw new RuntimeFailure(m, null);
        });
    }
}
