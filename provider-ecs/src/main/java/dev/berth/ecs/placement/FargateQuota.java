package dev.berth.ecs.placement;

import dev.berth.ecs.scheduler.PlacementFailure;
import dev.berth.ecs.scheduler.Rejection;

/**
 * ECS's quotas that bound FARGATE: the account's Fargate On-Demand vCPUs (berth's default is what
 * the local engine holds, its CPUs) and, for every launch type, the tasks of one service.
 */
public final class FargateQuota {
    /** ECS's "Tasks per service" quota. */
    public static final int MAX_TASKS_PER_SERVICE = 5000;
    /** ECS's answer to CreateService or UpdateService asking for more (InvalidParameterException). */
    public static final String DESIRED_COUNT_EXCEEDS = "Desired count exceeds limit.";

    private FargateQuota() {
    }

    /**
     * The failure as ECS words it for FARGATE: over the vCPU quota, "You've reached the limit on
     * the number of vCPUs you can run concurrently"; any other reason keeps its message.
     */
    public static String message(String subject, PlacementFailure f) {
        if (f.closest() == null || f.closest().reason() != Rejection.Reason.INSUFFICIENT_CPU) return f.message();
        return subject + " was unable to place a task. Reason: You've reached the limit on the number of vCPUs you can"
                + " run concurrently. For more information, see the Troubleshooting section of the Amazon ECS Developer"
                + " Guide.";
    }

    /** The numbers behind a vCPU failure, for the user who set the quota. */
    public static String detail(int quotaCpuUnits) {
        return "The Fargate On-Demand vCPU quota is " + vcpus(quotaCpuUnits) + " vCPU (provider \"ecs\" "
                + "fargate_vcpu_quota, by default the local engine's CPUs); FARGATE tasks of every cluster count against it.";
    }

    static String vcpus(int cpuUnits) {
        return cpuUnits % 1024 == 0 ? String.valueOf(cpuUnits / 1024) : String.valueOf(cpuUnits / 1024.0);
    }
}
