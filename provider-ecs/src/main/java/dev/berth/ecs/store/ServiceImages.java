package dev.berth.ecs.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * The images a service's current deployment resolved (versionConsistency), in {@code
 * service_images} keyed by service ARN: for revision {@code taskDefinitionArn}, by engine (its
 * docker_host; "" for the local engine) and container name, the reference tasks are created by
 * and the digest it names. A new deployment replaces the row; replacements of the same
 * deployment read it.
 */
public record ServiceImages(String serviceArn, String taskDefinitionArn, Map<String, Map<String, Pin>> byEngine) {
    public static final String TABLE = "service_images";
    public static final String LOCAL = "";

    public ServiceImages {
        Map<String, Map<String, Pin>> copy = new TreeMap<>();
        if (byEngine != null) byEngine.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        byEngine = java.util.Collections.unmodifiableMap(copy);
    }

    /** One container's image: what it is created by, and the digest that names. */
    public record Pin(String reference, String digest) {
    }

    /** The same deployment with the images it resolved on one more engine. */
    public ServiceImages with(String engine, Map<String, Pin> pins) {
        Map<String, Map<String, Pin>> next = new TreeMap<>(byEngine);
        next.put(engine, pins);
        return new ServiceImages(serviceArn, taskDefinitionArn, next);
    }
}
