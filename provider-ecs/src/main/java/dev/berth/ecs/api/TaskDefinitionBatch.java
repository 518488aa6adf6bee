package dev.berth.ecs.api;

import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * DescribeTaskDefinition of many revisions at once, with their tags: what a refresh of a
 * configuration with thousands of task definitions asks. ECS has no such action, so this is not
 * part of {@link EcsApi} and {@code berth server} does not offer it; the control plane in this
 * process answers it with one read of its store, a client of a server with one call per revision.
 */
@FunctionalInterface
public interface TaskDefinitionBatch {
    /**
     * For each reference, in order: what DescribeTaskDefinition with {@code include = [TAGS]}
     * answers, or null where it answers "Unable to describe task definition.". Any other
     * failure is thrown, as the single call throws it.
     */
    List<DescribeTaskDefinitionResponse> describeTaskDefinitions(List<String> refs);

    /** One DescribeTaskDefinition call per reference. */
    static TaskDefinitionBatch oneByOne(TaskDefinitionCalls api) {
        return refs -> {
            List<DescribeTaskDefinitionResponse> out = new ArrayList<>(refs.size());
            for (String ref : refs) {
                try {
                    out.add(api.describeTaskDefinition(new DescribeTaskDefinitionRequest(ref, List.of("TAGS"))));
                } catch (EcsException e) {
                    if (!e.getMessage().equals(UNABLE)) throw e;
                    out.add(null);
                }
            }
            return out;
        };
    }

    /** ECS's message for a reference that names no revision. */
    String UNABLE = "Unable to describe task definition.";
}
