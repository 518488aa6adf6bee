package dev.berth.engine.testkit;

import dev.berth.engine.memo.LastRead;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test runs as in a background berth, which keeps what one read worked out for the next
 * ({@link LastRead#keepAcrossReads}), and the JVM is one of its own again afterwards, even when
 * the test fails.
 */
public final class ResidentJvm implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        LastRead.keepAcrossReads(true);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LastRead.keepAcrossReads(false);
    }
}
