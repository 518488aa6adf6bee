package dev.berth.ecs.runtime;

import java.util.List;

/** A container health check in engine terms: Docker's test form and whole seconds. */
public record HealthProbe(List<String> test, int intervalSeconds, int timeoutSeconds, int retries,
                          int startPeriodSeconds) {
    public HealthProbe {
        test = List.copyOf(test);
    }
}
