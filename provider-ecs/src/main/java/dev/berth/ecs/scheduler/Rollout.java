package dev.berth.ecs.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a rolling deployment under ECS's two bounds: running healthy tasks may not drop
 * below minimumHealthyPercent of desired (rounded UP) and running tasks may not exceed
 * maximumPercent of desired (rounded DOWN). Each step starts as many new tasks as the upper bound
 * allows and at the same time stops as many old tasks as the lower bound allows, counting only
 * tasks healthy at the start of the step (new tasks are not healthy until the next step).
 */
public final class Rollout {
    public static final int DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
    public static final int DEFAULT_MAXIMUM_PERCENT = 200;

    /** One step; the running counts are those after the step has settled. */
    public record Step(int start, int stop, int oldRunning, int newRunning) {
    }

    private Rollout() {
    }

    public static int lowerLimit(int desired, int minimumHealthyPercent) {
        return (int) Math.ceil(desired * minimumHealthyPercent / 100.0);
    }

    public static int upperLimit(int desired, int maximumPercent) {
        return (int) Math.floor(desired * maximumPercent / 100.0);
    }

    /** Throws IllegalArgumentException when the bounds leave no room to make progress. */
    public static List<Step> plan(int oldRunning, int desired, Integer minimumHealthyPercent, Integer maximumPercent) {
        int lower = lowerLimit(desired, minimumHealthyPercent == null ? DEFAULT_MINIMUM_HEALTHY_PERCENT : minimumHealthyPercent);
        int upper = upperLimit(desired, maximumPercent == null ? DEFAULT_MAXIMUM_PERCENT : maximumPercent);
        List<Step> steps = new ArrayList<>();
        int old = oldRunning;
        int fresh = 0;
        while (old > 0 || fresh < desired) {
            int start = Math.max(0, Math.min(desired - fresh, upper - (old + fresh)));
            int stop = Math.max(0, Math.min(old, old + fresh - lower));
            if (start == 0 && stop == 0) {
                throw new IllegalArgumentException("deployment cannot progress: with " + old + " old and " + fresh
                        + " new tasks running, minimum healthy " + lower + " and maximum " + upper + " allow neither a start nor a stop");
            }
            old -= stop;
            fresh += start;
            steps.add(new Step(start, stop, old, fresh));
        }
        return steps;
    }
}
