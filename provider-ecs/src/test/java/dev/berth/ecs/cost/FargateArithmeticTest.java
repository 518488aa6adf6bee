package dev.berth.ecs.cost;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * FARGATE and per-second billing against sums done by hand with the us-east-1 prices
 * ($0.04048 per vCPU-hour and $0.004445 per GB-hour on x86; $0.03238 and $0.00356 on ARM64).
 */
class FargateArithmeticTest {
    static final PriceList PRICES = PriceBook.builtIn().get();
    static final TaskShape SMALL = new TaskShape(256, 512, TaskShape.Arch.X86_64);

    private static void same(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    private static BigDecimal hourly(TaskShape shape) {
        return PRICES.fargate(shape.arch()).orElseThrow().hourly(shape);
    }

    @Test
    void aQuarterVcpuHalfGbTaskCostsTheSumOfItsTwoRates() {
        // 0.25 x 0.04048 + 0.5 x 0.004445 = 0.01012 + 0.0022225
        same("0.0123425", hourly(SMALL));
        assertEquals("0.25 vCPU, 0.5 GB", SMALL.describe());
    }

    @Test
    void twoAndFourSuchTasksForA730HourMonthAreTheIssuesExample() {
        // 2 x 0.0123425 x 730 = 18.02005 ($18.02); 4 x ... = 36.0401 ($36.04)
        same("18.02005", hourly(SMALL).multiply(BigDecimal.valueOf(2)).multiply(BigDecimal.valueOf(730)));
        same("36.0401", hourly(SMALL).multiply(BigDecimal.valueOf(4)).multiply(BigDecimal.valueOf(730)));
    }

    @Test
    void arm64TasksUseTheGravitonRates() {
        TaskShape arm = new TaskShape(1024, 2048, TaskShape.Arch.ARM64);
        // 1 x 0.03238 + 2 x 0.00356 = 0.0395
        same("0.0395", hourly(arm));
        assertEquals("1 vCPU, 2 GB ARM64", arm.describe());
    }

    @Test
    void oddSizesDivideExactlyBy1024() {
        TaskShape odd = new TaskShape(512, 1536, TaskShape.Arch.X86_64);
        // 0.5 x 0.04048 + 1.5 x 0.004445 = 0.02024 + 0.0066675
        same("0.0269075", hourly(odd));
        assertEquals("0.5 vCPU, 1.5 GB", odd.describe());
        assertEquals("0.293", TaskShape.plain(new TaskShape(300, 300, TaskShape.Arch.X86_64).gb()));
    }

    @Test
    void billingIsPerSecond() {
        // 90 s at 0.0123425/h = 0.0123425 x 90 / 3600 = 0.0003085625
        same("0.0003085625", Billing.cost(hourly(SMALL), Duration.ofSeconds(90)));
        same("0.0123425", Billing.cost(hourly(SMALL), Duration.ofHours(1)));
    }

    @Test
    void aStartedSecondCountsWhole() {
        assertEquals(61, Billing.billedSeconds(Duration.ofMillis(60_001)));
        assertEquals(90, Billing.billedSeconds(Duration.ofSeconds(90)));
    }

    @Test
    void anythingShorterThanAMinuteIsBilledAsOneMinute() {
        assertEquals(60, Billing.billedSeconds(Duration.ofSeconds(5)));
        assertEquals(60, Billing.billedSeconds(Duration.ZERO));
        // 60 s at 0.0123425/h = 0.0123425 / 60 = 0.000205708333...
        same(Billing.cost(hourly(SMALL), Duration.ofSeconds(60)).toPlainString(),
                Billing.cost(hourly(SMALL), Duration.ofSeconds(5)));
        same("0.0002057083333333333333333333333333333", Billing.cost(hourly(SMALL), Duration.ofSeconds(5)));
    }
}
