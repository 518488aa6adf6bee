package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

import static dev.berth.ecs.schema.ServiceSchema.T_ENDPOINTS;
import static dev.berth.ecs.schema.ServiceSchema.T_LAST_STATUS;

/**
 * A service's {@code endpoints}: every published port of every running task, the tasks in their
 * listed order (oldest first) and each task's ports in name order. Refresh and plan both use it,
 * so a planned list keeps the endpoints of the tasks a plan keeps (known, in place) and leaves
 * only those of the tasks it starts unknown: a scale-out changes no output that reads
 * {@code endpoints[0]}.
 */
final class ServiceEndpoints {
    private ServiceEndpoints() {
    }

    static Value of(Value tasks) {
        if (!(tasks.unmarked() instanceof dev.berth.engine.value.ListValue list)) return Value.unknown();
        List<Value> out = new ArrayList<>();
        for (Value t : list.items()) {
            if (!(t.unmarked() instanceof MapValue task)) return Value.unknown();
            if (!TaskRow.RUNNING.equals(Attrs.string(task, T_LAST_STATUS))) continue;
            if (!(task.get(T_ENDPOINTS).unmarked() instanceof MapValue endpoints)) return Value.unknown();
            out.addAll(endpoints.entries().values());
        }
        return Value.list(out);
    }
}
