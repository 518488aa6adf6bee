package dev.berth.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ported Terraform file under -chdir: paths from path.module, values known only at apply, and
 * optional() defaults reach the saved outputs as Terraform would have them. No resources, so no
 * Docker engine; the state is a real SQLite file in the directory.
 */
class TerraformLanguageCliTest {
    @TempDir
    Path dir;

    @Test
    void outputsOfAPortedFileUnderChdirAreTerraformsAndSurviveApply() throws Exception {
        Files.writeString(dir.resolve("motd.txt"), "hello\n");
        Files.writeString(dir.resolve("main.tf"), """
                variable "service" {
                  type    = object({ name = string, port = optional(number, 8080) })
                  default = { name = "web" }
                }
                output "motd" {
                  value = file("${path.module}/motd.txt")
                }
                output "port" {
                  value = var.service.port
                }
                output "applied_at" {
                  value = timestamp()
                }
                output "third" {
                  value = 1 / 3 * 3
                }
                """);
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);

        assertEquals("hello\n", CliRun.in(dir, "output", "-raw", "motd").out());
        assertEquals("8080", CliRun.in(dir, "output", "-raw", "port").out());
        assertEquals("1", CliRun.in(dir, "output", "-raw", "third").out());
        CliRun at = CliRun.in(dir, "output", "-raw", "applied_at");
        assertEquals(0, at.exitCode(), at::toString);
        assertTrue(at.out().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), at::toString);
    }
}
