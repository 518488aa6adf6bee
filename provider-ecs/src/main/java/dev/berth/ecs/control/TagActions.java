package dev.berth.ecs.control;

import dev.berth.ecs.api.TagCalls;
import dev.berth.ecs.api.EcsException;

/** The control plane's Tag actions. Not written yet: every action says so in ECS's terms. */
final class TagActions implements TagCalls {
    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "TagResource is not supported by this control plane yet.");
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "UntagResource is not supported by this control plane yet.");
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        throw new EcsException(EcsException.UNSUPPORTED_FEATURE, "ListTagsForResource is not supported by this control plane yet.");
    }

}
