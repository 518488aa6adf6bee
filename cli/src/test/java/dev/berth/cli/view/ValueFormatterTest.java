package dev.berth.cli.view;

import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.berth.cli.view.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueFormatterTest {

    private final ValueFormatter f = new ValueFormatter();

    @Test
    void primitivesLookLikeHcl() {
        assertEquals("\"a \\\"b\\\"\\t\"", f.format(v("a \"b\"\t")));
        assertEquals("0.5", f.format(Value.of(new java.math.BigDecimal("0.50"))));
        assertEquals("256", f.format(v(256)));
        assertEquals("true", f.format(v(true)));
        assertEquals("null", f.format(Value.nil()));
        assertEquals("(known after apply)", f.format(UNKNOWN));
    }

    @Test
    void collectionsAreMultiLineWithQuotedKeys() {
        Value v = obj("family", "web", "ports", list(80, 443), "empty", list(), "tags", obj());

        assertEquals("""
                {
                  "empty" = []
                  "family" = "web"
                  "ports" = [
                    80,
                    443,
                  ]
                  "tags" = {}
                }""", f.format(v));
    }

    @Test
    void multiLineStringsBecomeHeredocs() {
        assertEquals("<<EOT\nline one\nline two\nEOT", f.format(v("line one\nline two")));
        // A line reading EOT would end the heredoc early, so the delimiter grows.
        assertEquals("[\n  <<-EOT_\n  a\n  EOT\n  EOT_,\n]", f.format(list("a\nEOT")));
    }

    @Test
    void sensitiveContentNeverAppears() {
        Value v = obj("user", "admin", "password", secret("hunter2"));

        String out = f.format(v);

        assertFalse(out.contains("hunter2"));
        assertEquals("{\n  \"password\" = (sensitive value)\n  \"user\" = \"admin\"\n}", out);
    }

    @Test
    void outputsSectionSortsNamesAndHidesSensitiveOnes() {
        Map<String, Value> outputs = new LinkedHashMap<>();
        outputs.put("web_family", v("web"));
        outputs.put("db_password", v("hunter2"));
        outputs.put("count", v(3));

        String out = f.formatOutputs(outputs, Map.of("db_password", true));

        assertEquals("\nOutputs:\n\ncount = 3\ndb_password = <sensitive>\nweb_family = \"web\"\n", out);
        assertEquals("", f.formatOutputs(Map.of(), Map.of()));
    }

    @Test
    void rawPrintsBareScalarsAndRefusesEverythingElse() {
        assertEquals("web", f.raw(v("web")));
        assertEquals("3", f.raw(v(3)));
        assertEquals("false", f.raw(v(false)));
        assertThrows(IllegalArgumentException.class, () -> f.raw(list("a")));
        assertThrows(IllegalArgumentException.class, () -> f.raw(Value.nil()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.raw(secret("hunter2")));
        assertFalse(e.getMessage().contains("hunter2"));
    }
}
