package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data blocks through the real CLI: what validate says of them, and what import refuses. */
class DataBlockCliTest {
    @TempDir
    Path dir;

    @Test
    void validateNamesAnUnknownDataSourceWithItsPlaceAndSourceLine() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                data "ecs_nope" "x" {
                  name = "x"
                }
                """);

        CliRun r = CliRun.in(dir, "validate");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Error: Invalid data source: berth has no data source named \"ecs_nope\"."),
                r::toString);
        assertTrue(r.err().contains("on main.hcl line 1, column 6:"), r::toString);
        assertTrue(r.err().contains("   1: data \"ecs_nope\" \"x\" {"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void aReferenceToAnUndeclaredDataResourceIsReportedWhereItIsMade() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                resource "ecs_cluster" "main" {
                  name = data.ecs_cluster.shared.name
                }
                """);

        CliRun r = CliRun.in(dir, "validate");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Reference to undeclared resource: a data resource \"ecs_cluster\" \"shared\" "
                + "has not been declared."), r::toString);
        assertTrue(r.err().contains("on main.hcl line 2, column 10:"), r::toString);
    }

    @Test
    void importIntoADataResourceIsRefused() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), "resource \"ecs_cluster\" \"main\" {\n  name = \"main\"\n}\n");

        CliRun r = CliRun.in(dir, "import", "data.ecs_cluster.main", "main");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("importing into a data resource is not allowed"), r::toString);
        assertFalse(Files.exists(dir.resolve("berth.db")), "nothing was started: " + r);
    }
}
