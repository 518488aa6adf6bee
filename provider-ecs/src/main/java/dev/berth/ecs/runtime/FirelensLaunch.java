package dev.berth.ecs.runtime;

import java.util.Set;

/**
 * A task's FireLens log router, as the runtime must carry it out: copy {@code config} to
 * {@code configPath} in the {@code router} container before it starts, and point every container
 * in {@code routed} (Docker's fluentd driver) at {@code fluent.sock} in the task volume
 * {@code socketVolume}, which the router mounts at {@code /var/run}. The rest (mounts, drivers,
 * tags, dependencies) is already in the containers' launches.
 */
public record FirelensLaunch(String router, String configPath, String config, String socketVolume,
                            Set<String> routed) {
    /** The file, in the socket volume, that the router listens on and Docker's fluentd driver sends to. */
    public static final String SOCKET_FILE = "fluent.sock";

    public FirelensLaunch {
        routed = Set.copyOf(routed);
    }
}
