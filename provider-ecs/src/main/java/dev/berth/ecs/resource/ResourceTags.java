package dev.berth.ecs.resource;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.TagCalls.TagResourceRequest;
import dev.berth.ecs.api.TagCalls.UntagResourceRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A resource's tags between the configuration's map and ECS's list, brought in line with the
 * API's tag calls (TagResource, UntagResource), as terraform-provider-aws updates tags in place.
 */
public final class ResourceTags {
    private final EcsApi api;

    public ResourceTags(EcsApi api) {
        this.api = api;
    }

    /** Tags and untags {@code arn} so its tags become {@code wanted}; nothing when they already are. */
    public void converge(String arn, Map<String, String> now, Map<String, String> wanted) {
        List<String> remove = new ArrayList<>();
        for (String k : now.keySet()) if (!wanted.containsKey(k)) remove.add(k);
        Map<String, String> add = new TreeMap<>();
        wanted.forEach((k, v) -> {
            if (!Objects.equals(now.get(k), v)) add.put(k, v);
        });
        if (!remove.isEmpty()) api.untagResource(new UntagResourceRequest(arn, remove));
        if (!add.isEmpty()) api.tagResource(new TagResourceRequest(arn, list(add)));
    }

    public static List<Tag> list(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>();
        new TreeMap<>(tags).forEach((k, v) -> out.add(new Tag(k, v)));
        return out;
    }

    public static Map<String, String> map(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        if (tags != null) tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
