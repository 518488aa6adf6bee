package dev.berth.ecs.store;

import dev.berth.ecs.tls.TlsMaterial;

import java.util.Optional;

/**
 * A row of {@code engine_tls}, keyed by docker_host: how to reach that engine over mutual TLS,
 * written when an instance registers with TLS material. Other processes on the same control
 * plane (the agent, {@code berth server}, later commands) read it to reach the engine too; it is
 * removed when the last instance on the host deregisters. The key is kept here as the state file
 * keeps sensitive values: in clear, in a file for its owner.
 */
public record EngineTlsRow(String caCert, String cert, String key) {
    public static final String TABLE = "engine_tls";

    public static EngineTlsRow of(TlsMaterial tls) {
        return new EngineTlsRow(tls.caCert(), tls.cert(), tls.key());
    }

    public TlsMaterial material() {
        return new TlsMaterial(caCert, cert, key);
    }

    /** The TLS material recorded for {@code host} in {@code store}, if any. */
    public static Optional<TlsMaterial> find(EcsStore store, String host) {
        return new Table<>(store, TABLE, EngineTlsRow.class).get(host).map(EngineTlsRow::material);
    }

    @Override
    public String toString() {
        return "EngineTlsRow[key=(hidden)]";
    }
}
