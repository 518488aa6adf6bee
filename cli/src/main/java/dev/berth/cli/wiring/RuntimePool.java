package dev.berth.cli.wiring;

import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.LogKeeper;
import dev.berth.ecs.runtime.docker.DockerRuntime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** One Docker connection per endpoint for the whole run; null means the local default engine. */
final class RuntimePool implements Function<String, ContainerRuntime>, AutoCloseable {
    private static final String DEFAULT = "";
    private final Map<String, ContainerRuntime> runtimes = new ConcurrentHashMap<>();
    private final LogKeeper logs;

    /** {@code logs} keeps what kept containers wrote before any engine of the pool removes them. */
    RuntimePool(LogKeeper logs) {
        this.logs = logs;
    }

    @Override
    public ContainerRuntime apply(String endpoint) {
        return runtimes.computeIfAbsent(endpoint == null ? DEFAULT : endpoint,
                e -> DockerRuntime.connect(e.isEmpty() ? null : e, logs));
    }

    @Override
    public void close() {
        runtimes.values().forEach(ContainerRuntime::close);
    }
}
