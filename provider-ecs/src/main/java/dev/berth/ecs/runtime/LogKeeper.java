package dev.berth.ecs.runtime;

import java.util.Map;

/**
 * Keeps what containers wrote when their log route says berth keeps it. An engine calls it
 * before it creates a task's containers (a log group that must exist is checked there, as
 * Docker's awslogs driver checks it when it starts a container) and before it removes a
 * container, so a container's output outlives the container.
 */
public interface LogKeeper {
    /** Keeps nothing and checks nothing: for engines whose containers' output nobody reads back. */
    LogKeeper NONE = new LogKeeper() {
        @Override
        public void prepare(TaskLaunch task) {
        }

        @Override
        public void keep(ContainerRuntime engine, String containerId, Map<String, String> labels) {
        }
    };

    /** Throws {@link RuntimeFailure} with ECS's reason when a kept container cannot start. */
    void prepare(TaskLaunch task);

    /**
     * Copies into the log store whatever the container wrote that is not kept yet, when its
     * labels say berth keeps it. Never throws: a removal goes on whatever happens here.
     */
    void keep(ContainerRuntime engine, String containerId, Map<String, String> labels);
}
