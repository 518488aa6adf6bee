package dev.berth.ecs.scheduler.model;

import java.util.Locale;

/**
 * Task network mode; decides which host ports a task occupies.
 *
 * <p>Only {@code bridge} and {@code host} publish onto the instance's network namespace.
 * {@code awsvpc} tasks get their own elastic network interface and namespace, so two of them can
 * listen on the same port on one instance; {@code none} publishes nothing at all.
 */
public enum NetworkMode {
    BRIDGE, HOST, AWSVPC, NONE;

    public boolean occupiesHostPorts() {
        return this == BRIDGE || this == HOST;
    }

    public static NetworkMode parse(String text) {
        return text == null ? BRIDGE : valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
