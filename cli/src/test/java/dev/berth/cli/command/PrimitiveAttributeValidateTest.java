package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attribute read from a string is refused at validate, as Terraform 1.11 refuses
 * var.endpoints[0].port ("Unsupported attribute ... Can't access attributes on a primitive-typed
 * value (string)."), also where the value is only known after apply.
 */
class PrimitiveAttributeValidateTest {
    private static final String SERVICE = """
            variable "endpoints" {
              type = list(string)
            }

            resource "ecs_cluster" "main" {
              name = "c"
            }

            resource "ecs_task_definition" "web" {
              family                = "web"
              memory                = 512
              container_definitions = jsonencode([{ name = "web", image = "busybox", memory = 64 }])
            }

            resource "ecs_service" "web" {
              name            = "web"
              cluster         = ecs_cluster.main.id
              task_definition = ecs_task_definition.web.arn
            }

            output "first" {
              value = ecs_service.web.endpoints[0]
            }
            """;
    private static final String SUMMARY =
            "Error: Unsupported attribute: can't access attributes on a primitive-typed value (string)";

    @TempDir
    Path dir;

    private CliRun validate(String hcl) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), hcl);
        return CliRun.in(dir, "validate");
    }

    @Test
    void anElementOfAComputedListOfStringsHasNoAttributes() throws Exception {
        CliRun ok = validate(SERVICE);
        assertEquals(0, ok.exitCode(), ok::toString);

        CliRun r = validate(SERVICE + "\noutput \"port\" {\n  value = ecs_service.web.endpoints[0].port\n}\n");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains(SUMMARY), r::toString);
        assertTrue(r.err().contains("on main.hcl line 26, column 39:"), r::toString);
        assertTrue(r.err().contains("This value is a string, so it has no attribute \"port\"."), r::toString);
    }

    @Test
    void aTypedVariableIsJudgedByItsTypeThoughItsValueIsUnknown() throws Exception {
        CliRun r = validate(SERVICE + "\noutput \"v\" {\n  value = var.endpoints[1].host\n}\n");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains(SUMMARY), r::toString);
        assertTrue(r.err().contains("on main.hcl line 26, column 27:"), r::toString);
    }

    @Test
    void aLocalThatNamesATypedAttributeCarriesItsType() throws Exception {
        CliRun r = validate(SERVICE + "\nlocals {\n  eps = ecs_service.web.endpoints\n  first = local.eps\n}\n"
                + "\noutput \"p\" {\n  value = local.first[0].port\n}\n");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains(SUMMARY), r::toString);
        assertTrue(r.err().contains("on main.hcl line 31, column 25:"), r::toString);
    }

    @Test
    void aListItselfHasNoAttributes() throws Exception {
        CliRun r = validate(SERVICE + "\noutput \"p\" {\n  value = ecs_service.web.endpoints.port\n}\n");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Error: Unsupported attribute: cannot read attribute \"port\" from a list"), r::toString);
        assertTrue(r.err().contains("on main.hcl line 26, column 36:"), r::toString);
    }

    @Test
    void aKnownStringIsReportedOnceWithTheSameWords() throws Exception {
        CliRun r = validate(SERVICE + "\noutput \"n\" {\n  value = ecs_cluster.main.name.first\n}\n");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.err().split("Unsupported attribute", -1).length - 1, r::toString);
    }
}
