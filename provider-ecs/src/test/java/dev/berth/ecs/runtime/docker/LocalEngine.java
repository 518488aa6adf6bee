package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.RuntimeFailure;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The machine's own Docker engine for an integration test: required in CI, skipped without it elsewhere. */
public final class LocalEngine {
    private LocalEngine() {
    }

    /**
     * A runtime on the local engine that has answered a ping. Fails in CI (CI=true) when the
     * engine is unreachable, so a broken CI machine can't pass by skipping everything; elsewhere
     * the test is skipped.
     */
    public static DockerRuntime require() {
        DockerRuntime runtime = DockerRuntime.connect(null);
        try {
            runtime.ping();
        } catch (RuntimeFailure.Unreachable e) {
            runtime.close();
            if ("true".equals(System.getenv("CI"))) Assertions.fail("Docker engine required in CI: " + e.getMessage(), e);
            Assumptions.abort("No Docker engine: " + e.getMessage());
        }
        return runtime;
    }
}
