package dev.berth.cli.command;

import dev.berth.ecs.sigv4.ClientKeys;
import dev.berth.ecs.sigv4.CredentialsFile;
import dev.berth.ecs.sigv4.Verifier;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Who may call {@code berth server}: without {@code --credentials} anyone who reaches the port,
 * so then only loopback may be listened on; with them, requests signed by one of the file's keys.
 */
final class ServerAccess {
    private ServerAccess() {
    }

    /** The verifier for {@code credentials} (null: none), refusing a non-loopback address without one. */
    static Verifier verifier(InetSocketAddress address, Path credentials) {
        if (credentials == null) {
            if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
                throw new Errors.UserError("berth server listens on " + address.getHostString() + " only with --credentials FILE, "
                        + "since without them anyone who reaches the port controls the world; listen on 127.0.0.1 or give credentials.");
            }
            return null;
        }
        try {
            return new Verifier(CredentialsFile.read(credentials).secretsByKeyId(), ClientKeys.SERVICE, Clock.systemUTC());
        } catch (CredentialsFile.BadFile e) {
            throw new Errors.UserError(e.getMessage());
        }
    }
}
