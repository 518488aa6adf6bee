package dev.berth.cli.state;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * berth output never prints a sensitive output, in any format: where Terraform's output -json
 * and -raw would print the value, berth prints null or refuses, as its README promises.
 */
class OutputSecrecyTest {
    @TempDir
    Path dir;

    @Test
    void allOutputsAsJsonShowNullForASensitiveOne() {
        StateFixture.writeExample(dir);
        CliRun r = CliRun.in(dir, "output", "-json");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"token\":{\"sensitive\":true,\"type\":\"string\",\"value\":null}"), r::toString);
        assertTrue(r.out().contains("\"url\":{\"sensitive\":false,\"type\":\"string\",\"value\":\"http://127.0.0.1:1234/\"}"),
                r::toString);
        assertFalse(r.out().contains(StateFixture.SECRET), r::toString);
    }

    @Test
    void oneSensitiveOutputAsJsonOrRawIsRefusedWithoutItsValue() {
        StateFixture.writeExample(dir);
        for (String flag : new String[]{"-json", "-raw"}) {
            CliRun r = CliRun.in(dir, "output", flag, "token");
            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.err().contains("Output \"token\" is sensitive"), r::toString);
            assertFalse((r.out() + r.err()).contains(StateFixture.SECRET), r::toString);
        }
        CliRun plain = CliRun.in(dir, "output", "token");
        assertEquals("<sensitive>", plain.out().trim(), plain::toString);
        CliRun url = CliRun.in(dir, "output", "-raw", "url");
        assertEquals("http://127.0.0.1:1234/", url.out(), url::toString);
    }
}
