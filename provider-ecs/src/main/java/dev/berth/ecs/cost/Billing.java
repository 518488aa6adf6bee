package dev.berth.ecs.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * How AWS turns a running time into money for FARGATE tasks and Linux EC2 instances: by the
 * second, with a minimum of one minute.
 */
public final class Billing {
    public static final Duration MINIMUM = Duration.ofMinutes(1);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private Billing() {
    }

    /** The seconds billed for a run this long: a started second counts whole, and never fewer than 60. */
    public static long billedSeconds(Duration ran) {
        long seconds = ran.isNegative() ? 0 : ran.getSeconds() + (ran.getNano() > 0 ? 1 : 0);
        return Math.max(MINIMUM.getSeconds(), seconds);
    }

    /** What a run this long costs at this hourly rate (kept to 34 significant digits; rounded only when printed). */
    public static BigDecimal cost(BigDecimal perHour, Duration ran) {
        return perHour.multiply(BigDecimal.valueOf(billedSeconds(ran))).divide(SECONDS_PER_HOUR, MathContext.DECIMAL128);
    }
}
