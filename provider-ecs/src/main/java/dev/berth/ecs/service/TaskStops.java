package dev.berth.ecs.service;

import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Stops tasks a few at a time on the pool shared by every apply (starts run there too), so
 * parallel applies together never flood the engines.
 */
final class TaskStops {
    static final Duration STOP_GRACE = dev.berth.ecs.runtime.StopTimeouts.agentDefault();

    private final ExecutorService pool;

    TaskStops(ExecutorService pool) {
        this.pool = pool;
    }

    /**
     * Stops tasks by ARN wherever they run; {@code after} records each stopped one (mark STOPPED
     * or delete the row). Returns one message per distinct failure.
     */
    List<String> stop(Collection<String> taskArns, ContainerRuntime fleet, Consumer<String> after) {
        List<Future<String>> futures = new ArrayList<>();
        for (String arn : taskArns) {
            futures.add(pool.submit(() -> {
                fleet.stopTask(arn, STOP_GRACE);
                after.accept(arn);
                return arn;
            }));
        }
        Set<String> failures = new LinkedHashSet<>();
        for (Future<String> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failures.add(message(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("Interrupted while stopping tasks.");
            }
        }
        return new ArrayList<>(failures);
    }

    static String message(Throwable t) {
        if (t instanceof RuntimeFailure) return t.getMessage();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "A task operation failed unexpectedly: " + m;
    }
}
