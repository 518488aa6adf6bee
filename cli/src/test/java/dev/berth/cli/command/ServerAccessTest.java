package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** berth server refuses, before it opens anything, to listen beyond loopback unprotected or on a bad credentials file. */
class ServerAccessTest {
    @TempDir
    Path dir;

    @Test
    void aNonLoopbackAddressNeedsCredentials() {
        CliRun r = CliRun.of("-chdir=" + dir, "server", "--listen", "0.0.0.0:0");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("berth server listens on 0.0.0.0 only with --credentials FILE, since without them "
                + "anyone who reaches the port controls the world; listen on 127.0.0.1 or give credentials."), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aBadCredentialsFileIsFileLineColumn() throws IOException {
        Path f = Files.writeString(dir.resolve("keys"), "[ci]\naws_access_key_id = A\nsecret\n");
        CliRun r = CliRun.of("-chdir=" + dir, "server", "--listen", "0.0.0.0:0", "--credentials", f.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(f + ":3:1: expected NAME = VALUE or a [profile] header.\n  secret\n  ^"), r.err());
    }
}
