package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Engine views for refresh, one per engine, shared by every service read. The engine reads all
 * resources in parallel; the first read of an engine lists and inspects it and the others wait
 * for that view instead of each making their own. A failed listing is shared too, so an unreachable
 * engine costs one attempt, not one per service.
 * <p>
 * A provider instance lives for one CLI command, which refreshes once, so a view lives from the
 * first read until the provider changes anything: every apply calls {@link #invalidate()}
 * first, so what a refresh sees is never older than berth's own last change.
 */
final class EngineViews {
    private final ConcurrentMap<String, CompletableFuture<EngineView>> byEngine = new ConcurrentHashMap<>();
    private final TaskTable tasks;
    private final Supplier<Set<String>> services;
    private final FreshListings<EngineView> freshViews = new FreshListings<>();

    /** {@code services} gives the service ARNs this store knows. */
    EngineViews(TaskTable tasks, Supplier<Set<String>> services) {
        this.tasks = tasks;
        this.services = services;
    }

    /** Every berth service container of the engine, listed at most once until invalidated. */
    EngineView shared(ContainerRuntime rt) {
        CompletableFuture<EngineView> mine = new CompletableFuture<>();
        CompletableFuture<EngineView> view = byEngine.putIfAbsent(rt.endpoint(), mine);
        if (view == null) {
            view = mine;
            try {
                mine.complete(EngineViewReader.read(rt, List.of(EcsLabels.SERVICE), tasks.running(),
                        services.get()));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
        }
        try {
            return view.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeFailure f) throw f;
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * One service's containers as they are right now, bypassing the shared view: from a list and
     * inspect that began after this call did, shared with the calls that arrived with it
     * ({@link FreshListings}), so berth server's DescribeServices under load makes one engine
     * read per moment rather than one per call.
     */
    EngineView fresh(ContainerRuntime rt, String serviceArn) {
        return freshViews.list(rt.endpoint() + "\n" + serviceArn, () -> EngineViewReader.read(rt,
                List.of(EcsLabels.SERVICE + "=" + serviceArn), tasks.forService(serviceArn), Set.of(serviceArn)));
    }

    /** The service's STOPPED rows, oldest first (the tasks' index has them by service). */
    List<TaskRow> stopped(String serviceArn) {
        return tasks.forService(serviceArn).stream().filter(TaskRow::stoppedStatus).toList();
    }

    void invalidate() {
        byEngine.clear();
    }
}
