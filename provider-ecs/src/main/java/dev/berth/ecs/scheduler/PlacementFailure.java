package dev.berth.ecs.scheduler;

import java.util.List;

/**
 * Tasks that could not be placed, with ECS's message and every instance's rejection. Once one
 * decision fails nothing changes in the cluster, so all remaining tasks fail for the same reasons.
 */
public record PlacementFailure(int unplaced, String message, Rejection closest, List<Rejection> rejections) {
    public PlacementFailure {
        rejections = List.copyOf(rejections);
    }
}
