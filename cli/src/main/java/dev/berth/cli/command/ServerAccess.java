package dev.berth.cli.command;

import dev.berth.ecs.sigv4.ClientKeys;
import dev.berth.ecs.sigv4.CredentialsFile;
import dev.berth.ecs.sigv4.Verifier;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
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
        requireOwnerOnly(credentials);
        try {
            return new Verifier(CredentialsFile.read(credentials).secretsByKeyId(), ClientKeys.SERVICE, Clock.systemUTC());
        } catch (CredentialsFile.BadFile e) {
            throw new Errors.UserError(e.getMessage());
        }
    }

    /** Secrets others can read are no secrets: refused as ssh refuses such a private key. */
    private static void requireOwnerOnly(Path credentials) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(credentials);
        } catch (UnsupportedOperationException | IOException e) {
            return; // Not POSIX, or unreadable: reading it says what is wrong.
        }
        Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        others.retainAll(mode);
        if (!others.isEmpty()) {
            throw new Errors.UserError("The credentials file " + credentials + " can be read or written by others (mode "
                    + PosixFilePermissions.toString(mode) + "); make it its owner's only: chmod 600 " + credentials);
        }
    }
}
