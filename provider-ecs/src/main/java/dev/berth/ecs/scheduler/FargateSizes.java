package dev.berth.ecs.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The cpu/memory pairs Fargate accepts (cpu units, memory MiB). */
public final class FargateSizes {
    private static final int[][] RANGES = {
        // cpu, lowest memory, highest memory, step
        {256, 512, 2048, 0},
        {512, 1024, 4096, 1024},
        {1024, 2048, 8192, 1024},
        {2048, 4096, 16384, 1024},
        {4096, 8192, 30720, 1024},
        {8192, 16384, 61440, 4096},
        {16384, 32768, 122880, 8192},
    };

    private FargateSizes() {
    }

    /** Memory values valid with the cpu, ascending; empty when the cpu itself is not valid. */
    public static List<Integer> validMemory(int cpu) {
        List<Integer> out = new ArrayList<>();
        for (int[] r : RANGES) {
            if (r[0] != cpu) continue;
            if (r[3] == 0) return List.of(512, 1024, 2048); // 0.25 vCPU: 0.5, 1 and 2 GB only
            for (int m = r[1]; m <= r[2]; m += r[3]) out.add(m);
        }
        return out;
    }

    /** An error message, or empty when the pair is valid. */
    public static Optional<String> validate(int cpu, int memory) {
        List<Integer> valid = validMemory(cpu);
        if (valid.isEmpty()) {
            List<Integer> cpus = new ArrayList<>();
            for (int[] r : RANGES) cpus.add(r[0]);
            return Optional.of("Fargate does not support cpu " + cpu + "; valid cpu values are " + cpus);
        }
        if (valid.contains(memory)) return Optional.empty();
        return Optional.of("Fargate does not support memory " + memory + " with cpu " + cpu
                + "; valid memory values for cpu " + cpu + " are " + valid);
    }
}
