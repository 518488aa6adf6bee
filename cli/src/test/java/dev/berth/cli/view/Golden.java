package dev.berth.cli.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exact comparison against {@code src/test/resources/golden}. Running with
 * {@code -Dgolden.update=true} rewrites the files instead, for review in the diff before commit.
 */
final class Golden {

    private Golden() {
    }

    static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("golden.update")) {
            try {
                Path file = Path.of("src/test/resources/golden", name);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertEquals(Fixtures.golden(name), actual, "golden file " + name);
    }
}
