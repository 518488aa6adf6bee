package dev.berth.ecs.service;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A service's tasks as the engines run them: each RUNNING row joined with its containers,
 * whether it still runs and whether it drifted from its revision, plus orphaned containers and
 * the recent STOPPED rows. Deployments read it to find drift; refresh and import to write state.
 */
final class ServiceObserver {
    private final EngineViews views;
    private final TaskDefinitionRegistry registry;
    private final ConcurrentMap<String, TaskExpectation> expectations = new ConcurrentHashMap<>();

    ServiceObserver(EngineViews views, TaskDefinitionRegistry registry) {
        this.views = views;
        this.registry = registry;
    }

    /** The service as the engine runs it right now. */
    ObservedService observe(ContainerRuntime rt, String serviceArn) {
        views.invalidate();
        return observe(views.fresh(rt, serviceArn), serviceArn);
    }

    /** The service as {@code view} shows it. */
    ObservedService observe(EngineView view, String serviceArn) {
        List<ContainerInfo> containers = view.forService(serviceArn);
        List<TaskRow> rows = view.rowsOf(serviceArn);
        return new ObservedService(ObservedTask.observe(rows, containers, view, this::expectation),
                ObservedTask.orphans(rows, containers), views.stopped(serviceArn));
    }

    /**
     * A revision's containers never change once registered, so each is parsed once per provider;
     * a revision not (yet) registered is looked up again next time.
     */
    private Optional<TaskExpectation> expectation(String taskDefinitionArn) {
        TaskExpectation known = expectations.get(taskDefinitionArn);
        if (known != null) return Optional.of(known);
        Optional<TaskExpectation> found = registry.find(taskDefinitionArn).map(TaskExpectation::of);
        found.ifPresent(e -> expectations.put(taskDefinitionArn, e));
        return found;
    }
}
