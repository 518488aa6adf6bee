package dev.berth.ecs.placement;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster as each service's plan saw it, for this run. The engine plans again right before
 * applying; only the first plan's picture is kept, so apply can tell the user when the cluster
 * changed after the plan was shown.
 */
public final class PlannedPlacements {
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    public void planned(String serviceArn, String fingerprint) {
        fingerprints.putIfAbsent(serviceArn, fingerprint);
    }

    public Optional<String> plannedFingerprint(String serviceArn) {
        return Optional.ofNullable(fingerprints.get(serviceArn));
    }
}
