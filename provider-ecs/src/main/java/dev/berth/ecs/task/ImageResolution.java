package dev.berth.ecs.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.ResolvedImage;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.taskdef.ContainerDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's {@code versionConsistency}, as ECS means it. {@code enabled} (the default): the
 * image tag is resolved to a digest once, when the service's deployment starts (a RunTask's task:
 * when it launches), and every task of that deployment is created by that digest, so retagging the
 * image afterwards changes nothing that deployment runs. {@code disabled}: each launch uses the tag
 * as it is at that moment. Either way the task records the digest it ran (DescribeTasks' imageDigest).
 */
public final class ImageResolution {
    public static final String DISABLED = "disabled";

    private ImageResolution() {
    }

    /** A launch with its containers' images as created, and what each reference named (by container name). */
    public record Applied(TaskLaunch launch, Map<String, ResolvedImage> images) {
    }

    /** Whether ECS resolves this container's tag at deployment (anything but "disabled"). */
    public static boolean pinned(ContainerDefinition c) {
        JsonNode v = c.extra("versionConsistency");
        return v == null || v.isNull() || !DISABLED.equals(v.asText());
    }

    /** What a deployment pins on {@code engine} now: each pinned container's image resolved, by container name. */
    public static Map<String, ResolvedImage> resolve(TaskDefinitionRow td, ContainerRuntime engine) {
        Map<String, ResolvedImage> out = new LinkedHashMap<>();
        for (ContainerDefinition c : ContainerDefinition.of(td)) {
            if (pinned(c)) engine.resolveImage(c.image()).ifPresent(r -> out.put(c.name(), r));
        }
        return out;
    }

    /**
     * The launch with pinned containers created by their deployment's digest ({@code pins}; one
     * missing, e.g. a RunTask's, is resolved now) and the others by tag. An image the engine
     * does not have stays as written, so the start fails with the engine's own reason.
     */
    static Applied apply(TaskLaunch launch, TaskDefinitionRow td, Map<String, ResolvedImage> pins,
                         ContainerRuntime engine) {
        Map<String, ContainerDefinition> defs = new HashMap<>();
        for (ContainerDefinition c : ContainerDefinition.of(td)) defs.put(c.name(), c);
        List<ContainerLaunch> containers = new ArrayList<>();
        Map<String, ResolvedImage> images = new LinkedHashMap<>();
        for (ContainerLaunch c : launch.containers()) {
            ContainerDefinition def = defs.get(c.name());
            ResolvedImage now = pins == null ? null : pins.get(c.name());
            if (now == null) now = engine.resolveImage(c.image()).orElse(null);
            if (def != null && pinned(def) && now != null) {
                containers.add(c.withImage(now.reference()));
                images.put(c.name(), now);
            } else {
                containers.add(c);
                if (now != null) images.put(c.name(), new ResolvedImage(c.image(), now.digest()));
            }
        }
        return new Applied(launch.withContainers(containers), images);
    }
}
