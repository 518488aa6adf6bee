package dev.berth.ecs.runtime;

/**
 * An image tag resolved to what it names at one moment, as ECS resolves tags when a deployment
 * starts: {@code reference} is what a container is created by from then on ({@code repo@sha256:...}
 * when the engine knows a registry digest, else the image id {@code sha256:...}, as for images
 * built locally) and {@code digest} the {@code sha256:...} DescribeTasks shows as imageDigest.
 */
public record ResolvedImage(String reference, String digest) {
}
