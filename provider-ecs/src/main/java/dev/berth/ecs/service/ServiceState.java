package dev.berth.ecs.service;

import dev.berth.ecs.api.Shapes.NetworkBinding;
import dev.berth.ecs.api.TaskCalls.Container;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.berth.ecs.schema.ServiceSchema.ENDPOINTS;
import static dev.berth.ecs.schema.ServiceSchema.ORPHANED_CONTAINERS;
import static dev.berth.ecs.schema.ServiceSchema.RUNNING_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.STOPPED_TASKS;
import static dev.berth.ecs.schema.ServiceSchema.TASKS;
import static dev.berth.ecs.schema.ServiceSchema.T_ARN;
import static dev.berth.ecs.schema.ServiceSchema.T_CONTAINERS;
import static dev.berth.ecs.schema.ServiceSchema.T_ENDPOINTS;
import static dev.berth.ecs.schema.ServiceSchema.T_LAST_STATUS;
import static dev.berth.ecs.schema.ServiceSchema.T_STOPPED_AT;
import static dev.berth.ecs.schema.ServiceSchema.T_STOPPED_REASON;
import static dev.berth.ecs.schema.ServiceSchema.T_STOP_CODE;
import static dev.berth.ecs.schema.ServiceSchema.T_TASK_DEFINITION;

/**
 * Writes a service's tasks, as DescribeTasks shows them, into its computed attributes: the tasks
 * its scheduler still counts (oldest first, each with its containers as Docker runs them), the
 * recently stopped ones (newest first) and the orphaned containers DescribeServices names.
 */
final class ServiceState {
    private ServiceState() {
    }

    static MapValue withTasks(MapValue base, List<Task> described, List<String> orphans) {
        List<Task> current = new ArrayList<>(), stopped = new ArrayList<>();
        for (Task t : described) {
            String recorded = recorded(t);
            if (TaskRow.RUNNING.equals(recorded)) current.add(t);
            else if (TaskRow.STOPPED.equals(recorded)) stopped.add(t);
            // A task still being started (PROVISIONING, PENDING) is neither, as before its start
            // completes; one whose starter died stays so, and its containers show as orphans.
        }
        Comparator<Task> byStart = Comparator.comparing((Task t) -> t.startOrder() == null ? 0L : t.startOrder())
                .thenComparing(Task::taskArn);
        current.sort(byStart);
        stopped.sort(byStart.reversed());
        List<Value> list = new ArrayList<>();
        int running = 0;
        for (Task t : current) {
            boolean runs = TaskRow.RUNNING.equals(t.lastStatus());
            Map<String, String> taskEndpoints = runs ? endpoints(t) : Map.of();
            Map<String, Value> task = new TreeMap<>();
            task.put(T_ARN, Value.of(t.taskArn()));
            task.put(T_TASK_DEFINITION, Value.of(t.taskDefinitionArn()));
            task.put(T_LAST_STATUS, Value.of(runs ? TaskRow.RUNNING : TaskRow.STOPPED));
            task.put(T_ENDPOINTS, Attrs.ofStringMap(taskEndpoints));
            task.put(T_CONTAINERS, ContainerView.toValue(containers(t)));
            list.add(new MapValue(task));
            if (runs) running++;
        }
        Value tasks = Value.list(list);
        return Attrs.with(base, Map.of(RUNNING_COUNT, Value.of(running), TASKS, tasks,
                ENDPOINTS, ServiceEndpoints.of(tasks), ORPHANED_CONTAINERS,
                Attrs.ofStrings(orphans == null ? List.of() : orphans.stream().sorted().toList()),
                STOPPED_TASKS, stopped(stopped)));
    }

    /**
     * The status the control plane records (RUNNING counts even when the engine shows the task
     * stopped; drift shows that); without berth's addition, ECS's last status.
     */
    private static String recorded(Task t) {
        return t.recordedStatus() != null ? t.recordedStatus() : t.lastStatus();
    }

    private static List<ContainerView> containers(Task t) {
        List<ContainerView> out = new ArrayList<>();
        if (t.containers() == null) return out;
        for (Container c : t.containers()) if (c.docker() != null) out.add(ContainerView.of(c.name(), c.docker()));
        return out;
    }

    /** "container:port/protocol" to "host:port" for every published port. */
    private static Map<String, String> endpoints(Task t) {
        Map<String, String> out = new TreeMap<>();
        if (t.containers() == null) return out;
        for (Container c : t.containers()) {
            if (c.networkBindings() == null) continue;
            for (NetworkBinding b : c.networkBindings()) {
                out.put(c.name() + ":" + b.containerPort() + "/" + b.protocol(), b.bindIP() + ":" + b.hostPort());
            }
        }
        return out;
    }

    /** STOPPED tasks with ECS's stop code and reason. */
    private static Value stopped(List<Task> tasks) {
        List<Value> out = new ArrayList<>();
        for (Task t : tasks) {
            Map<String, Value> task = new TreeMap<>();
            task.put(T_ARN, Value.of(t.taskArn()));
            task.put(T_TASK_DEFINITION, Value.of(t.taskDefinitionArn()));
            task.put(T_LAST_STATUS, Value.of(TaskRow.STOPPED));
            task.put(T_STOP_CODE, t.stopCode() == null ? Value.nil() : Value.of(t.stopCode()));
            task.put(T_STOPPED_REASON, t.stoppedReason() == null ? Value.nil() : Value.of(t.stoppedReason()));
            task.put(T_STOPPED_AT, t.stoppedAt() == null ? Value.nil() : Value.of(t.stoppedAt().toString()));
            out.add(new MapValue(task));
        }
        return Value.list(out);
    }
}
