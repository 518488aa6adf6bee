package dev.berth.ecs.service;

import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.ORPHANED_CONTAINERS;
import static dev.berth.ecs.schema.ServiceSchema.TASKS;
import static dev.berth.ecs.schema.ServiceSchema.T_ARN;

/**
 * The one line a plan shows for a service's runtime attributes, read from the planned tasks
 * against the prior ones: a planned task without an ARN is one apply starts, a prior task the
 * plan does not keep is one apply stops. The planned tasks are what apply is held to, so the
 * line says what apply does.
 */
final class TaskSummary {
    private TaskSummary() {
    }

    static String of(MapValue prior, MapValue planned) {
        if (planned == null) return null;
        List<Value> before = prior == null ? List.of() : Attrs.items(prior, TASKS);
        String tasks;
        if (planned.get(TASKS).unmarked() instanceof ListValue after) {
            Set<String> kept = new HashSet<>();
            int start = 0;
            for (Value t : after.items()) {
                String arn = t.unmarked() instanceof MapValue m && !Attrs.unknown(m, T_ARN) ? Attrs.string(m, T_ARN) : null;
                if (arn == null) start++;
                else kept.add(arn);
            }
            int stop = 0;
            for (Value t : before) {
                if (!(t.unmarked() instanceof MapValue m) || !kept.contains(Attrs.string(m, T_ARN))) stop++;
            }
            tasks = startStop(start, stop);
        } else {
            BigDecimal desired = Attrs.unknown(planned, DESIRED_COUNT) ? null : Attrs.number(planned, DESIRED_COUNT);
            // Tasks unknown with a known count: a revision apply registers first, so every task is new.
            tasks = desired == null ? "which tasks run is known after apply" : startStop(desired.intValue(), before.size());
        }
        int orphans = prior == null ? 0 : Attrs.items(prior, ORPHANED_CONTAINERS).size();
        String removed = orphans == 0 ? null : count(orphans, "orphaned container") + " will be removed";
        if (tasks == null) return removed;
        return removed == null ? tasks : tasks + "; " + removed;
    }

    private static String startStop(int start, int stop) {
        if (start == 0 && stop == 0) return null;
        if (start == stop) return count(start, "task") + " will be replaced";
        if (stop == 0) return count(start, "task") + " will start";
        if (start == 0) return count(stop, "task") + " will stop";
        return count(start, "task") + " will start, " + stop + " will stop";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
