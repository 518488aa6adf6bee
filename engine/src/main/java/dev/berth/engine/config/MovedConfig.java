package dev.berth.engine.config;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.SourceRange;

/**
 * A {@code moved} block: state recorded under {@code from} now belongs to {@code to}. Without an
 * index both name whole resources (every instance moves); with one, a single instance.
 */
public record MovedConfig(ResourceInstanceAddr from, ResourceInstanceAddr to, boolean wholeResource,
                          SourceRange range) {
}
