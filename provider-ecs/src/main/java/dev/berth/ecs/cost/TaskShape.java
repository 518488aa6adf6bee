package dev.berth.ecs.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What FARGATE bills a task by: its task-level CPU units and memory in MiB, and the CPU
 * architecture of its runtime platform. 1024 units are one vCPU and 1024 MiB one GB, as AWS's
 * price list counts them; both divisions are exact (1024 is a power of two).
 */
public record TaskShape(int cpuUnits, int memoryMiB, Arch arch) {
    public enum Arch { X86_64, ARM64 }

    private static final BigDecimal K = BigDecimal.valueOf(1024);

    public BigDecimal vcpu() {
        return BigDecimal.valueOf(cpuUnits).divide(K).stripTrailingZeros();
    }

    public BigDecimal gb() {
        return BigDecimal.valueOf(memoryMiB).divide(K).stripTrailingZeros();
    }

    /** "0.25 vCPU, 0.5 GB", with " ARM64" for Graviton tasks. */
    public String describe() {
        return plain(vcpu()) + " vCPU, " + plain(gb()) + " GB" + (arch == Arch.ARM64 ? " ARM64" : "");
    }

    /** At most three decimals (768 MiB is 0.75 GB; 300 MiB about 0.293 GB) and no exponent. */
    static String plain(BigDecimal v) {
        BigDecimal shown = v.scale() > 3 ? v.setScale(3, RoundingMode.HALF_UP) : v;
        return shown.stripTrailingZeros().toPlainString();
    }

    /** ARM64 when the runtime platform says so; anything else (or nothing) runs on x86. */
    public static Arch arch(String cpuArchitecture) {
        return "ARM64".equals(cpuArchitecture) ? Arch.ARM64 : Arch.X86_64;
    }
}
