package dev.berth.cli.command;

import dev.berth.cli.TestStores;
import dev.berth.ecs.secret.SecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** berth secret put|list|delete in process, with standard input given, against a store in a temp dir. */
class SecretCommandTest {
    static final String VALUE = "s3cret-Value-777";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run berth(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = BerthCommand.commandLine(TestStores.env(dir),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new Run(cmd.execute(args), out.toString(), err.toString());
    }

    @Test
    void putReadsTheValueFromStandardInputListShowsNamesOnlyAndDeleteRemoves() {
        Path file = TestStores.secrets(dir);
        Run put = berth(VALUE + "\n", "secret", "put", "DB_PASSWORD");
        assertEquals(0, put.code(), put.toString());
        assertEquals("Secret DB_PASSWORD set in " + file + ".\n", put.out());
        try (SecretStore store = SecretStore.open(file)) {
            assertEquals(Optional.of(VALUE), store.get("DB_PASSWORD"), "echo's newline is not part of the value");
        }
        assertEquals(0, berth("other-value", "secret", "put", "/prod/api").code());

        Run list = berth("", "secret", "list");
        assertEquals(0, list.code(), list.toString());
        String[] lines = list.out().split("\n");
        assertEquals(3, lines.length, list.out());
        assertTrue(lines[0].matches("NAME +CREATED +UPDATED"), lines[0]);
        assertTrue(lines[1].matches("DB_PASSWORD +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +\\d{4}-.*Z"), lines[1]);
        assertTrue(lines[2].startsWith("prod/api "), lines[2]);
        assertFalse(list.out().contains(VALUE));

        Run delete = berth("", "secret", "delete", "DB_PASSWORD");
        assertEquals(0, delete.code(), delete.toString());
        assertEquals("Secret DB_PASSWORD deleted.\n", delete.out());
        Run again = berth("", "secret", "delete", "DB_PASSWORD");
        assertEquals(1, again.code());
        assertEquals("\nError: No secret named DB_PASSWORD in " + file + ".\n", again.err());
    }

    @Test
    void mistakesAreOneSentenceAndCreateNothing() {
        Run bad = berth(VALUE, "secret", "put", "no spaces");
        assertEquals(1, bad.code());
        assertEquals("\nError: Invalid secret name \"no spaces\": use 1 to 512 letters, digits and / _ + = . @ - "
                + "characters.\n", bad.err());
        Run empty = berth("", "secret", "put", "EMPTY");
        assertEquals(1, empty.code());
        assertEquals("\nError: No value was given for secret EMPTY: berth secret put reads it from standard input.\n",
                empty.err());
        Run extra = berth(VALUE, "secret", "put", "A", VALUE);
        assertEquals(1, extra.code(), "a value as an argument is refused");
        assertFalse(Files.exists(TestStores.secrets(dir)), "nothing was stored, so no file was made");
        Run list = berth("", "secret", "list");
        assertEquals("No secrets in " + TestStores.secrets(dir) + ".\n", list.out());
        assertFalse(Files.exists(TestStores.secrets(dir)), "listing an absent store does not create it");
    }
}
