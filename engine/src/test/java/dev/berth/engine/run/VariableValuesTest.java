package dev.berth.engine.run;

import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariableValuesTest {
    static final String VARS = """
            variable "replicas" {
              type    = number
              default = 1
              validation {
                condition     = var.replicas <= 10
                error_message = "At most 10 replicas."
              }
            }
            variable "zones" {
              type = list(string)
            }
            variable "token" {
              type      = string
              default   = "t0"
              sensitive = true
            }
            """;

    @TempDir
    Path dir;
    TestEngine engine;
    Config config;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
        config = engine.configure(VARS);
    }

    private Map<String, Value> resolve(Map<String, VariableValues.Raw> given, Diagnostics diags) {
        return VariableValues.resolve(config, given, engine.evaluator(), diags);
    }

    private static VariableValues.Raw text(String s) {
        return new VariableValues.Raw(s, "-var", false);
    }

    @Test
    void valuesAreConvertedToTheirTypesAndDefaultsFillTheRest() {
        Diagnostics diags = new Diagnostics();

        Map<String, Value> v = resolve(Map.of("replicas", text("3"), "zones", text("[\"a\", \"b\"]")), diags);

        assertEquals(List.of(), diags.list());
        assertEquals(Value.of(3), v.get("replicas"));
        assertEquals(Value.list(List.of(Value.of("a"), Value.of("b"))), v.get("zones"));
        assertInstanceOf(SensitiveValue.class, v.get("token"));
        assertEquals(Value.of("t0"), v.get("token").unmarked());
    }

    @Test
    void textThatIsNotANumberIsRejectedForANumberVariable() {
        Diagnostics diags = new Diagnostics();

        resolve(Map.of("replicas", text("many"), "zones", text("[]")), diags);

        List<Diagnostic> errors = diags.list();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).summary().startsWith("Invalid value for variable \"replicas\" from -var"),
                errors.get(0).summary());
        assertEquals("main.hcl:1,1", errors.get(0).range().toString());
    }

    @Test
    void missingRequiredVariableIsAnError() {
        Diagnostics diags = new Diagnostics();

        resolve(Map.of(), diags);

        assertEquals(List.of("No value for required variable: the variable \"zones\" is not set and has no default."),
                TestEngine.errors(diags.list()));
        assertEquals("main.hcl:9,1", diags.list().get(0).range().toString());
    }

    @Test
    void valueForAnUndeclaredVariableIsAnErrorWithASuggestion() {
        Diagnostics diags = new Diagnostics();

        resolve(Map.of("zones", text("[]"), "replica", text("2")), diags);

        List<String> errors = TestEngine.errors(diags.list());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Value for undeclared variable: a variable named \"replica\" was assigned "
                + "with -var"), errors.get(0));
        assertTrue(errors.get(0).endsWith("Did you mean \"replicas\"?"), errors.get(0));
    }

    @Test
    void failingValidationReportsItsErrorMessageAtTheCondition() {
        Diagnostics diags = new Diagnostics();

        resolve(Map.of("replicas", text("11"), "zones", text("[]")), diags);

        assertEquals(List.of("Invalid value for variable \"replicas\": At most 10 replicas."),
                TestEngine.errors(diags.list()));
        assertEquals("main.hcl:5,21", diags.list().get(0).range().toString());
    }

    @Test
    void passingValidationAddsNothing() {
        Diagnostics diags = new Diagnostics();

        resolve(Map.of("replicas", text("10"), "zones", text("[]")), diags);

        assertEquals(List.of(), diags.list());
    }

    @Test
    void aValidationMessageBuiltFromASensitiveValueIsNotShown() {
        Config secretConfig = engine.configure("""
                variable "pw" {
                  type      = string
                  sensitive = true
                  validation {
                    condition     = length(var.pw) > 40
                    error_message = "Too short: ${var.pw}."
                  }
                }
                """);
        Diagnostics diags = new Diagnostics();

        VariableValues.resolve(secretConfig, Map.of("pw", text("hunter2-secret")), engine.evaluator(), diags);

        assertTrue(diags.hasErrors());
        String shown = diags.list().toString();
        assertTrue(!shown.contains("hunter2-secret") && shown.contains("sensitive value"), shown);
    }
}
