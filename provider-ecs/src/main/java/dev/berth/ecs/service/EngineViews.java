package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.FreshListings;
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
    private final FreshListings<List<ContainerInfo>> freshContainers = new FreshListings<>();

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
     * inspect that began after this call did, shared with the calls that arrived with it, or the
     * last one when the engine confirms nothing changed since it began, with what did change
     * listed and inspected again ({@link FreshListings}),
     * so berth server's DescribeServices under load does not list the engine once per call. The
     * task rows are this call's own, read before the engine is looked at, as a listing of its own
     * would have them.
     */
    EngineView fresh(ContainerRuntime rt, String serviceArn) {
        List<TaskRow> rows = tasks.forService(serviceArn);
        List<String> filter = List.of(EcsLabels.SERVICE + "=" + serviceArn);
        List<ContainerInfo> containers = freshContainers.list(rt.endpoint() + "\n" + serviceArn,
                () -> EngineViewReader.containers(rt, rt.listSummaries(filter), Set.of(serviceArn)),
                since -> rt.changedSince(since, filter), (listed, changed) -> changed.applyTo(listed,
                        EngineViewReader.containers(rt, rt.listSummaries(filter, changed.containerIds()), Set.of(serviceArn))));
        return EngineViewReader.view(containers, rows);
    }

    /** The service's STOPPED rows, oldest first (the tasks' index has them by service). */
    List<TaskRow> stopped(String serviceArn) {
        return tasks.forService(serviceArn).stream().filter(TaskRow::stoppedStatus).toList();
    }

    void invalidate() {
        byEngine.clear();
    }
}
