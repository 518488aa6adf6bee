package dev.berth.ecs;

import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The account's Fargate On-Demand vCPU quota in cpu units: the configured number of vCPUs, else
 * what the local engine can hold (its CPUs, asked once), else this machine's processors when the
 * engine does not answer (a plan must still be able to say something).
 */
final class FargateCapacity implements IntSupplier {
    private final Integer vcpus;
    private final Supplier<ContainerRuntime> local;
    private volatile int known = -1;

    FargateCapacity(Integer vcpus, Supplier<ContainerRuntime> local) {
        this.vcpus = vcpus;
        this.local = local;
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
