package dev.berth.cli.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** validate -json: Terraform's document on stdout, valid or not, with byte-accurate ranges. */
class ValidateJsonTest {
    @TempDir
    Path dir;

    @Test
    void aValidConfigurationIsValidWithNoDiagnostics() throws Exception {
        TaskDefinitionConfigs.writeTwo(dir);
        CliRun r = CliRun.in(dir, "validate", "-json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("1.0", root.get("format_version").asText());
        assertTrue(root.get("valid").asBoolean());
        assertEquals(0, root.get("error_count").asInt());
        assertEquals(0, root.get("warning_count").asInt());
        assertEquals("[]", root.get("diagnostics").toString());
        assertEquals("", r.err());
    }

    @Test
    void errorsComeWithRangesInBytesAndASnippet() throws Exception {
        String text = "# café\n" + TaskDefinitionConfigs.taskDefinition("a", "\"x-${var.missing}\"");
        Files.writeString(dir.resolve("main.hcl"), text);
        CliRun r = CliRun.in(dir, "validate", "-json");
        assertEquals(1, r.exitCode(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertFalse(root.get("valid").asBoolean());
        assertEquals(1, root.get("error_count").asInt());
        JsonNode d = root.at("/diagnostics/0");
        assertEquals("error", d.get("severity").asText());
        assertTrue(d.get("summary").asText().startsWith("Reference to undeclared input variable"), d::toString);
        assertTrue(d.has("detail"));
        assertEquals("main.hcl", d.at("/range/filename").asText());
        assertEquals(3, d.at("/range/start/line").asInt());

        // The range covers "var.missing"; bytes count é as two, columns and lines do not.
        int startChar = text.indexOf("var.missing");
        int startByte = text.substring(0, startChar).getBytes(StandardCharsets.UTF_8).length;
        assertEquals(startChar + 1, startByte);
        assertEquals(startByte, d.at("/range/start/byte").asInt());
        assertEquals(startByte + "var.missing".length(), d.at("/range/end/byte").asInt());

        String line = "  family                   = \"x-${var.missing}\"";
        assertEquals(line, d.at("/snippet/code").asText());
        assertEquals(3, d.at("/snippet/start_line").asInt());
        assertEquals(line.indexOf("var.missing"), d.at("/snippet/highlight_start_offset").asInt());
        assertEquals(line.indexOf("var.missing") + "var.missing".length(), d.at("/snippet/highlight_end_offset").asInt());
    }

    @Test
    void withoutJsonTheHumanFormIsUnchanged() throws Exception {
        TaskDefinitionConfigs.writeTwo(dir);
        CliRun r = CliRun.in(dir, "validate");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Success! The configuration is valid.\n", r.out());
    }
}
