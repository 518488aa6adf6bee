package dev.berth.ecs.runtime.docker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The real engine with a network of this test run's own; everything labelled with the run is
 * removed afterwards, even when the test failed.
 */
abstract class EngineFixture {
    TestEngine engine;

    @BeforeEach
    void connect() {
        engine = TestEngine.connect();
        engine.runtime.ensureNetwork(engine.networkName(), engine.runLabels());
    }

    @AfterEach
    void removeEverything() {
        if (engine != null) engine.close();
    }
}
