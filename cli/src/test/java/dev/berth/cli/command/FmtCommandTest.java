package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmtCommandTest {
    private static final String MESSY = "locals {\nname=\"web\"\n  count = 2\n}\n";
    private static final String CLEAN = "locals {\n  name  = \"web\"\n  count = 2\n}\n";

    @TempDir
    Path dir;

    private Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void rewritesFilesInPlaceAndListsThem() throws IOException {
        Path messy = write("main.hcl", MESSY);
        Path clean = write("ok.hcl", CLEAN);
        CliRun r = CliRun.in(dir, "fmt");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("main.hcl\n", r.out());
        assertEquals(CLEAN, Files.readString(messy));
        assertEquals(CLEAN, Files.readString(clean));
    }

    @Test
    void checkWritesNothingAndExitsThree() throws IOException {
        Path messy = write("main.hcl", MESSY);
        CliRun r = CliRun.in(dir, "fmt", "-check");
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals("main.hcl\n", r.out());
        assertEquals(MESSY, Files.readString(messy));
        Files.writeString(messy, CLEAN);
        assertEquals(0, CliRun.in(dir, "fmt", "-check").exitCode());
    }

    @Test
    void diffPrintsAUnifiedDiff() throws IOException {
        write("main.hcl", MESSY);
        CliRun r = CliRun.in(dir, "fmt", "-diff", "-write=false", "-list=false");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("--- old/main.hcl\n+++ new/main.hcl\n@@ -1,4 +1,4 @@\n"), r.out());
        assertTrue(r.out().contains(" locals {\n-name=\"web\"\n+  name  = \"web\"\n   count = 2\n }\n"), r.out());
        assertEquals(MESSY, Files.readString(dir.resolve("main.hcl")));
    }

    @Test
    void writeFalseWithoutListPrintsTheFormattedText() throws IOException {
        write("main.hcl", MESSY);
        CliRun r = CliRun.in(dir, "fmt", "-write=false", "-list=false", "main.hcl");
        assertEquals(CLEAN, r.out());
    }

    @Test
    void recursiveWalksSubdirectoriesOnlyWhenAsked() throws IOException {
        Path nested = write("mod/inner/x.hcl", MESSY);
        assertEquals("", CliRun.in(dir, "fmt").out());
        CliRun r = CliRun.in(dir, "fmt", "-recursive");
        assertEquals("mod/inner/x.hcl\n", r.out(), r.toString());
        assertEquals(CLEAN, Files.readString(nested));
    }

    @Test
    void syntaxErrorsArePrintedAndNothingIsWritten() throws IOException {
        Path bad = write("bad.hcl", "locals {\n  a = [1,\n");
        CliRun r = CliRun.in(dir, "fmt");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Error: "), r.err());
        assertTrue(r.err().contains("on bad.hcl line 1, column 8"), r.err());
        assertEquals("locals {\n  a = [1,\n", Files.readString(bad));
    }

    @Test
    void shippedExamplesAreFormatted() {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        CliRun r = CliRun.in(examples, "fmt", "-check", "-recursive");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.out());
    }
}
