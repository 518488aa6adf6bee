package dev.berth.ecs.cost;

import java.math.BigDecimal;
import java.util.Objects;

/** FARGATE's on-demand prices for one CPU architecture, in US dollars per vCPU-hour and per GB-hour. */
public record FargateRates(BigDecimal perVcpuHour, BigDecimal perGbHour) {
    public FargateRates {
        Objects.requireNonNull(perVcpuHour);
        Objects.requireNonNull(perGbHour);
    }

    /** One task of this shape for one hour. */
    public BigDecimal hourly(TaskShape shape) {
        return shape.vcpu().multiply(perVcpuHour).add(shape.gb().multiply(perGbHour));
    }
}
