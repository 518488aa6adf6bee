package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.berth.ecs.schema.ServiceSchema.ENDPOINTS;
import static dev.berth.ecs.schema.ServiceSchema.ORPHANED_CONTAINERS;
import static dev.berth.ecs.schema.ServiceSchema.RUNNING_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.STOPPED_TASKS;
import static dev.berth.ecs.schema.ServiceSchema.T_STOPPED_AT;
import static dev.berth.ecs.schema.ServiceSchema.T_STOPPED_REASON;
import static dev.berth.ecs.schema.ServiceSchema.T_STOP_CODE;
import static dev.berth.ecs.schema.ServiceSchema.TASKS;
import static dev.berth.ecs.schema.ServiceSchema.T_ARN;
import static dev.berth.ecs.schema.ServiceSchema.T_CONTAINERS;
import static dev.berth.ecs.schema.ServiceSchema.T_ENDPOINTS;
import static dev.berth.ecs.schema.ServiceSchema.T_LAST_STATUS;
import static dev.berth.ecs.schema.ServiceSchema.T_TASK_DEFINITION;

/** Writes observed tasks and orphaned containers into a service's computed attributes. */
final class ServiceState {
    private ServiceState() {
    }

    /** A service's state from what one engine view shows of it. */
    record Observed(List<ObservedTask> tasks, List<ContainerInfo> orphans, List<TaskRow> stopped) {
        Observed(List<ObservedTask> tasks, List<ContainerInfo> orphans) {
            this(tasks, orphans, List.of());
        }
    }

    static MapValue withTasks(MapValue base, Observed observed) {
        List<Value> list = new ArrayList<>();
        List<Value> endpoints = new ArrayList<>();
        int running = 0;
        for (ObservedTask t : observed.tasks()) {
            Map<String, Value> task = new TreeMap<>();
            task.put(T_ARN, Value.of(t.arn()));
            task.put(T_TASK_DEFINITION, Value.of(t.row().taskDefinitionArn()));
            task.put(T_LAST_STATUS, Value.of(t.running() ? TaskRow.RUNNING : TaskRow.STOPPED));
            task.put(T_ENDPOINTS, Attrs.ofStringMap(t.endpoints()));
            task.put(T_CONTAINERS, ContainerView.toValue(t.containers()));
            list.add(new MapValue(task));
            if (t.running()) {
                running++;
                t.endpoints().values().forEach(e -> endpoints.add(Value.of(e)));
            }
        }
        List<String> orphans = observed.orphans().stream().map(ContainerInfo::name).sorted().toList();
        return Attrs.with(base, Map.of(RUNNING_COUNT, Value.of(running), TASKS, Value.list(list),
                ENDPOINTS, Value.list(endpoints), ORPHANED_CONTAINERS, Attrs.ofStrings(orphans),
                STOPPED_TASKS, stopped(observed.stopped())));
    }

    /** STOPPED rows, newest first, with ECS's stop code and reason. */
    static Value stopped(List<TaskRow> rows) {
        List<TaskRow> newestFirst = new ArrayList<>(rows);
        newestFirst.sort(java.util.Comparator.comparingLong(TaskRow::seq).reversed());
        List<Value> out = new ArrayList<>();
        for (TaskRow r : newestFirst) {
            Map<String, Value> task = new TreeMap<>();
            task.put(T_ARN, Value.of(r.taskArn()));
            task.put(T_TASK_DEFINITION, Value.of(r.taskDefinitionArn()));
            task.put(T_LAST_STATUS, Value.of(TaskRow.STOPPED));
            task.put(T_STOP_CODE, r.stopCode() == null ? Value.nil() : Value.of(r.stopCode()));
            task.put(T_STOPPED_REASON, r.stoppedReason() == null ? Value.nil() : Value.of(r.stoppedReason()));
            task.put(T_STOPPED_AT, r.stoppedAt() == null ? Value.nil() : Value.of(r.stoppedAt()));
            out.add(new MapValue(task));
        }
        return Value.list(out);
    }
}
