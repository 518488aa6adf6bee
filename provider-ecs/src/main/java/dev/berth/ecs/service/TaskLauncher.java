package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.task.StartRequest;
import dev.berth.ecs.task.TaskStarter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Starts and stops tasks a few at a time on a pool shared by every apply, so parallel applies
 * together never flood the engine. Each started task is recorded at once; a crash after the
 * start leaves labelled containers that the next apply finds and stops.
 */
final class TaskLauncher {
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final ExecutorService pool;
    private final TaskStarter starter;

    TaskLauncher(ExecutorService pool, TaskStarter starter) {
        this.pool = pool;
        this.starter = starter;
    }

    /** Tasks that started and one message per distinct failure. */
    record Outcome(List<TaskRow> started, List<String> failures) {
    }

    /** Starts {@code count} FARGATE tasks of the service on the local engine. */
    Outcome start(int count, ClusterRow cluster, String serviceArn, TaskDefinitionRow td) {
        List<Callable<TaskRow>> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) jobs.add(() -> starter.start(StartRequest.forService(cluster, td, null, serviceArn)));
        List<TaskRow> started = new ArrayList<>();
        Set<String> failures = new LinkedHashSet<>();
        for (Future<TaskRow> f : submitAll(jobs)) {
            try {
                started.add(f.get());
            } catch (ExecutionException e) {
                failures.add(message(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("Interrupted while starting tasks.");
            }
        }
        return new Outcome(started, new ArrayList<>(failures));
    }

    /**
     * Stops tasks by ARN; {@code after} records each stopped one (mark STOPPED or delete the
     * row). Returns one message per distinct failure.
     */
    List<String> stop(Collection<String> taskArns, ContainerRuntime runtime, java.util.function.Consumer<String> after) {
        List<Callable<String>> jobs = new ArrayList<>();
        for (String arn : taskArns) {
            jobs.add(() -> {
                runtime.stopTask(arn, STOP_GRACE);
                after.accept(arn);
                return arn;
            });
        }
        Set<String> failures = new LinkedHashSet<>();
        for (Future<String> f : submitAll(jobs)) {
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

    private <T> List<Future<T>> submitAll(List<Callable<T>> jobs) {
        List<Future<T>> out = new ArrayList<>();
        for (Callable<T> job : jobs) out.add(pool.submit(job));
        return out;
    }

    private static String message(Throwable t) {
        if (t instanceof RuntimeFailure) return t.getMessage();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "A task operation failed unexpectedly: " + m;
    }
}
