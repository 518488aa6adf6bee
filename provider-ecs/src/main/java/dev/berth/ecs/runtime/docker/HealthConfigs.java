package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.HealthCheck;
import dev.berth.ecs.runtime.HealthProbe;

import java.util.concurrent.TimeUnit;

/** ECS's health check as Docker's HealthConfig: the same test, times in nanoseconds. */
public final class HealthConfigs {
    private HealthConfigs() {
    }

    public static HealthCheck of(HealthProbe p) {
        return new HealthCheck().withTest(p.test())
                .withInterval(TimeUnit.SECONDS.toNanos(p.intervalSeconds()))
                .withTimeout(TimeUnit.SECONDS.toNanos(p.timeoutSeconds()))
                .withRetries(p.retries())
                .withStartPeriod(TimeUnit.SECONDS.toNanos(p.startPeriodSeconds()));
    }
}
