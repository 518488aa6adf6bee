package dev.berth.ecs.service;

import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.schema.ServiceSchema.ENDPOINTS;
import static dev.berth.ecs.schema.ServiceSchema.RUNNING_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.TASKS;
import static dev.berth.ecs.schema.ServiceSchema.T_ARN;
import static dev.berth.ecs.schema.ServiceSchema.T_ENDPOINTS;
import static dev.berth.ecs.schema.ServiceSchema.T_LAST_STATUS;
import static dev.berth.ecs.schema.ServiceSchema.T_TASK_DEFINITION;

/** Writes observed tasks into a service's computed attributes. */
final class ServiceState {
    private ServiceState() {
    }

    static MapValue withTasks(MapValue base, List<ObservedTask> tasks) {
        List<Value> list = new ArrayList<>();
        List<Value> endpoints = new ArrayList<>();
        int running = 0;
        for (ObservedTask t : tasks) {
            list.add(new MapValue(Map.of(T_ARN, Value.of(t.arn()),
                    T_TASK_DEFINITION, Value.of(t.row().taskDefinitionArn()),
                    T_LAST_STATUS, Value.of(t.running() ? TaskRow.RUNNING : TaskRow.STOPPED),
                    T_ENDPOINTS, Attrs.ofStringMap(t.endpoints()))));
            if (t.running()) {
                running++;
                t.endpoints().values().forEach(e -> endpoints.add(Value.of(e)));
            }
        }
        return Attrs.with(base, Map.of(RUNNING_COUNT, Value.of(running), TASKS, Value.list(list),
                ENDPOINTS, Value.list(endpoints)));
    }
}
