package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * berth server refuses, before it opens anything, to listen beyond loopback unprotected, a bad
 * credentials file, and a credentials file others can read.
 */
class ServerAccessTest {
    @TempDir
    Path dir;

    private CliRun server(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "-chdir=" + dir;
        args[1] = "server";
        args[2] = "--listen";
        args[3] = "0.0.0.0:0";
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    private Path keys(String text, String mode) throws IOException {
        Path f = Files.writeString(dir.resolve("keys"), text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void aNonLoopbackAddressNeedsCredentials() {
        CliRun r = server();
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("berth server listens on 0.0.0.0 only with --credentials FILE, since without them "
                + "anyone who reaches the port controls the world; listen on 127.0.0.1 or give credentials."), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aBadCredentialsFileIsFileLineColumn() throws IOException {
        Path f = keys("[ci]\naws_access_key_id = A\nsecret\n", "rw-------");
        CliRun r = server("--credentials", f.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(f + ":3:1: expected NAME = VALUE or a [profile] header.\n  secret\n  ^"), r.err());
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefused() throws IOException {
        Path f = keys("[ci]\naws_access_key_id = A\naws_secret_access_key = s\n", "rw-r--r--");
        CliRun r = server("--credentials", f.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("The credentials file " + f + " can be read or written by others (mode rw-r--r--); "
                + "make it its owner's only: chmod 600 " + f), r.err());
    }
}
