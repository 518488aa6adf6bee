package dev.berth.ecs.logs;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.LogKeeper;
import dev.berth.ecs.runtime.LogRoute;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engines' {@link LogKeeper} on berth's log store: it checks (or creates, with
 * awslogs-create-group) a kept container's log group before the container is created, and
 * copies a kept container's output into its stream whenever asked, last of all right before the
 * container is removed. The store's directory is resolved on first use, so a command that never
 * starts or removes a kept container never looks for it.
 */
public final class LogArchive implements LogKeeper {
    private static final System.Logger LOG = System.getLogger(LogArchive.class.getName());

    private final Supplier<Path> root;
    private volatile LogStore store;

    public LogArchive(Supplier<Path> root) {
        this.root = root;
    }

    public LogStore store() {
        LogStore s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null) store = new LogStore(root.get());
                s = store;
            }
        }
        return s;
    }

    @Override
    public void prepare(TaskLaunch task) {
        for (ContainerLaunch c : task.containers()) {
            LogRoute r = c.log();
            if (r == null || !r.kept()) continue;
            if (r.createGroup()) {
                store().createGroup(r.group());
            } else if (!store().groupExists(r.group())) {
                throw new RuntimeFailure(missingGroup(c.name(), r.group()), null);
            }
        }
    }

    /**
     * ECS's stopped reason when the awslogs group does not exist (what Docker's awslogs driver
     * answers), followed by which container and group, and the two ways out.
     */
    static String missingGroup(String container, String group) {
        return "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: "
                + "failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does "
                + "not exist. (container \"" + container + "\", awslogs-group \"" + group + "\": set "
                + "awslogs-create-group to \"true\", or create it with berth logs --create-group '" + group + "')";
    }

    @Override
    public void keep(ContainerRuntime engine, String containerId, Map<String, String> labels) {
        String group = labels.get(LogRoute.GROUP_LABEL);
        if (group == null || group.isEmpty()) return;
        try {
            store().keep(group, LogRoute.streamOf(labels, containerId), from -> engine.logs(containerId, from));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not keep the output of container " + containerId
                    + " in log group " + group + ": " + e.getMessage());
        }
    }
}
