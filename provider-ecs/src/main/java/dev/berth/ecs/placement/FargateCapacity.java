package dev.berth.ecs.placement;

import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The account's Fargate On-Demand vCPU quota in cpu units: the configured number of vCPUs, else
 * what the local engine can hold (its CPUs, asked once), else this machine's processors when the
 * engine does not answer (a plan must still be able to say something).
 */
public final class FargateCapacity implements IntSupplier {
    private final Integer vcpus;
    private final Supplier<ContainerRuntime> local;
    private volatile int known = -1;

    public FargateCapacity(Integer vcpus, Supplier<ContainerRuntime> local) {
        this.vcpus = vcpus;
        this.local = local;
    }

    /** The quota BERTH_FARGATE_VCPU_QUOTA sets, else the local engine's CPUs. */
    public static FargateCapacity fromEnvironment(Supplier<ContainerRuntime> local) {
        return new FargateCapacity(quotaFromEnvironment(), local);
    }

    /** BERTH_FARGATE_VCPU_QUOTA, when set to a whole number of vCPUs. */
    public static Integer quotaFromEnvironment() {
        String v = System.getenv("BERTH_FARGATE_VCPU_QUOTA");
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int getAsInt() {
        if (vcpus != null) return Math.max(0, vcpus) * 1024;
        if (known >= 0) return known;
        int units;
        try {
            units = local.get().capacity().cpuUnits();
        } catch (RuntimeFailure away) {
            return Runtime.getRuntime().availableProcessors() * 1024;
        }
        known = units;
        return units;
    }
}
