package dev.berth.ecs.api;

import dev.berth.ecs.api.Shapes.Tag;

import java.util.List;

/** ECS's tagging actions, on clusters, services, tasks, task definitions and container instances by ARN. */
public interface TagCalls {
    TagResourceResponse tagResource(TagResourceRequest request);

    UntagResourceResponse untagResource(UntagResourceRequest request);

    ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request);

    record TagResourceRequest(String resourceArn, List<Tag> tags) {
    }

    record TagResourceResponse() {
    }

    record UntagResourceRequest(String resourceArn, List<String> tagKeys) {
    }

    record UntagResourceResponse() {
    }

    record ListTagsForResourceRequest(String resourceArn) {
    }

    record ListTagsForResourceResponse(List<Tag> tags) {
    }
}
