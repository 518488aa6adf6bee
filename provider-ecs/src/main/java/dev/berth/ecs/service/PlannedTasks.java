package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.berth.ecs.schema.ServiceSchema.TASKS;
import static dev.berth.ecs.schema.ServiceSchema.T_ARN;
import static dev.berth.ecs.schema.ServiceSchema.T_CONTAINERS;
import static dev.berth.ecs.schema.ServiceSchema.T_ENDPOINTS;
import static dev.berth.ecs.schema.ServiceSchema.T_LAST_STATUS;
import static dev.berth.ecs.schema.ServiceSchema.T_TASK_DEFINITION;

/**
 * The tasks a service will have after apply. A prior task that runs the target revision as its
 * definition says is kept as it is; every other one (dead, drifted, an old revision) is planned
 * as its replacement: a new task (ARN and endpoints known after apply) whose containers are what
 * the definition says. Apply lists a service's tasks oldest first, so the kept tasks come first,
 * in their order, and the replacements after them: the plan promises the order apply returns,
 * and apply is held to what the plan knew.
 */
final class PlannedTasks {
    /** The planned list, and whether it is the prior list unchanged. */
    record Result(Value tasks, boolean unchanged) {
    }

    private PlannedTasks() {
    }

    static Result plan(MapValue prior, int desired, TaskDefinitionRow target) {
        TaskExpectation expected = TaskExpectation.of(target);
        Value containers = ContainerView.toValue(expected.containers());
        Value endpoints = plannedEndpoints(expected.containers());
        List<Value> priorTasks = prior == null ? List.of() : Attrs.items(prior, TASKS);
        List<Value> out = new ArrayList<>();
        boolean unchanged = priorTasks.size() == desired;
        int replaced = 0;
        for (Value t : priorTasks) {
            if (out.size() + replaced == desired) break;
            if (keeps(t, target.arn(), expected)) {
                out.add(t);
            } else {
                replaced++;
                unchanged = false;
            }
        }
        while (out.size() < desired) out.add(replacement(target.arn(), containers, endpoints));
        return new Result(Value.list(out), unchanged);
    }

    private static boolean keeps(Value task, String targetArn, TaskExpectation expected) {
        if (!(task.unmarked() instanceof MapValue t)) return false;
        if (!TaskRow.RUNNING.equals(Attrs.string(t, T_LAST_STATUS))) return false;
        if (!targetArn.equals(Attrs.string(t, T_TASK_DEFINITION))) return false;
        // A state written before containers were observed (and not refreshed) cannot show drift.
        if (t.get(T_CONTAINERS).isNull()) return true;
        return expected.matches(Attrs.items(t, T_CONTAINERS));
    }

    /**
     * A new task's endpoints: which ports it publishes is its definition's ("web:8080/tcp", as
     * refresh names them), where they land on the host is known only once it runs.
     */
    private static Value plannedEndpoints(List<ContainerView> containers) {
        Map<String, Value> m = new TreeMap<>();
        for (ContainerView c : containers) {
            for (String port : c.ports()) {
                int arrow = port.indexOf("->");
                m.put(c.name() + ":" + (arrow < 0 ? port : port.substring(0, arrow)), Value.unknown());
            }
        }
        return new MapValue(m);
    }

    private static Value replacement(String targetArn, Value containers, Value endpoints) {
        Map<String, Value> m = new TreeMap<>();
        m.put(T_ARN, Value.unknown());
        m.put(T_TASK_DEFINITION, Value.of(targetArn));
        m.put(T_LAST_STATUS, Value.of(TaskRow.RUNNING));
        m.put(T_ENDPOINTS, endpoints);
        m.put(T_CONTAINERS, containers);
        return new MapValue(m);
    }
}
