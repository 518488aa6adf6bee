package dev.berth.ecs.cost;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The size of a task definition the plan does not manage (a service naming a revision that
 * another client registered), read from the control plane with DescribeTaskDefinition, which
 * changes nothing; each reference is asked once per run.
 */
public final class TaskDefinitionSizes {
    /** Looks up one reference: an ARN, family:revision or family. */
    @FunctionalInterface
    public interface Lookup {
        Sizing find(String taskDefinition);
    }

    private TaskDefinitionSizes() {
    }

    public static Lookup from(EcsApi api) {
        Map<String, Sizing> seen = new ConcurrentHashMap<>();
        return ref -> seen.computeIfAbsent(ref, r -> describe(api, r));
    }

    private static Sizing describe(EcsApi api, String ref) {
        try {
            TaskDefinition td = api.describeTaskDefinition(new DescribeTaskDefinitionRequest(ref, null)).taskDefinition();
            return of(td);
        } catch (EcsException e) {
            return Sizing.unknown("task definition " + ref + " cannot be read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            return Sizing.unknown("task definition " + ref + " cannot be read here");
        }
    }

    public static Sizing of(TaskDefinition td) {
        return Sizing.of(td.family() + ":" + td.revision(), td.cpu(), td.memory(), Sizing.architecture(td.runtimePlatform()));
    }
}
