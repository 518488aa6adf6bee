package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TagCalls;
import dev.berth.ecs.arn.EcsArn;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * TagResource, UntagResource and ListTagsForResource on every kind of ARN the control plane
 * keeps: clusters, services, tasks, task definition revisions and container instances.
 */
final class TagActions implements TagCalls {
    private final World world;

    TagActions(World world) {
        this.world = world;
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        String arn = existing(request.resourceArn());
        Map<String, String> add = Tags.checked(request.tags());
        if (add.isEmpty()) throw EcsException.invalidParameter("tags can not be empty.");
        Map<String, String> tags = new TreeMap<>(world.tags.of(arn));
        tags.putAll(add);
        Tags.checkCount(tags);
        world.tags.replace(arn, tags);
        return new TagResourceResponse();
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        String arn = existing(request.resourceArn());
        if (request.tagKeys() == null || request.tagKeys().isEmpty()) {
            throw EcsException.invalidParameter("tagKeys can not be empty.");
        }
        Map<String, String> tags = new TreeMap<>(world.tags.of(arn));
        request.tagKeys().forEach(tags::remove);
        world.tags.replace(arn, tags);
        return new UntagResourceResponse();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return new ListTagsForResourceResponse(Tags.list(world.tags.of(existing(request.resourceArn()))));
    }

    /** The ARN when it names something that exists, else ECS's error for its kind. */
    private String existing(String resourceArn) {
        Optional<EcsArn> arn = EcsArn.parse(resourceArn);
        if (arn.isEmpty()) throw EcsException.invalidParameter("The ARN " + resourceArn + " is not a valid ECS resource ARN.");
        String text = arn.get().toString();
        boolean found = switch (arn.get().resourceType()) {
            case "cluster" -> {
                if (world.clusters.get(text).isEmpty()) throw EcsException.clusterNotFound();
                yield true;
            }
            case "service" -> world.services.get(text).isPresent();
            case "task" -> world.tasks.get(text).isPresent();
            case "task-definition" -> world.registry.find(text).isPresent();
            case "container-instance" -> world.instances.get(text).isPresent();
            default -> throw EcsException.invalidParameter("The ARN " + resourceArn
                    + " names no resource that can be tagged.");
        };
        if (!found) throw new EcsException(EcsException.RESOURCE_NOT_FOUND, "The specified resource wasn't found.");
        return text;
    }
}
