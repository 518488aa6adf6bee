package dev.berth.ecs.scheduler;

import java.util.List;
import java.util.function.Function;

/**
 * Tasks that could not be placed, with ECS's message and every instance's rejection. Once one
 * decision fails nothing changes in the cluster, so all remaining tasks fail for the same reasons.
 * {@link #rejections()} is what RunTask's {@code failures} list: per container instance its ARN,
 * ECS's reason ({@link Rejection#ecsReason()}) and detail.
 */
public record PlacementFailure(int unplaced, String message, Rejection closest, List<Rejection> rejections) {
    public PlacementFailure {
        rejections = List.copyOf(rejections);
    }

    /**
     * The failure of {@code subject} ("service web") from each instance's rejection: the closest
     * is the one that passed the most checks (the first such in id order), and ECS's sentence is
     * about it; {@code constraintErrors} gives ECS's text for a constraint that rejected it.
     */
    static PlacementFailure of(String subject, int unplaced, int instances, List<Rejection> rejections,
                               Function<Rejection, String> constraintErrors) {
        String prefix = subject + " was unable to place a task because no container instance met all of its requirements.";
        if (instances == 0) {
            return new PlacementFailure(unplaced, prefix + " Reason: No Container Instances were found in your cluster.",
                    null, List.of());
        }
        if (rejections.isEmpty()) return new PlacementFailure(unplaced, prefix, null, List.of());
        Rejection closest = null;
        for (Rejection r : rejections) if (closest == null || r.checksPassed() > closest.checksPassed()) closest = r;
        return new PlacementFailure(unplaced, prefix + " " + closest.ecsSentence(constraintErrors.apply(closest)), closest,
                rejections);
    }
}
