package dev.berth.engine.eval;

import dev.berth.engine.decode.AttributeTypes;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.provider.AttributeType;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A secret must not reach the terminal through an error message either. */
class SensitiveErrorMessagesTest {
    private static final String SECRET = "hunter2-secret";

    private static Diagnostics evaluate(String expr, Value secret) {
        Diagnostics diags = new Diagnostics();
        new Evaluator(FunctionRegistry.standard(), Path.of(".")).evaluate(
                HclParser.parseExpression("test.hcl", expr).expression(),
                (ref, d) -> secret, diags);
        return diags;
    }

    private static void assertNoSecret(Diagnostics diags) {
        assertTrue(diags.hasErrors(), "the expression must fail");
        for (Diagnostic d : diags.list()) {
            assertFalse(d.summary().contains(SECRET) || d.detail().contains(SECRET), d.toString());
        }
    }

    @Test
    void aFunctionFailingOnASensitiveArgumentHidesIt() {
        assertNoSecret(evaluate("lookup({a = 1}, var.key)", Value.sensitive(Value.of(SECRET))));
        assertNoSecret(evaluate("tonumber(var.key)", Value.sensitive(Value.of(SECRET))));
    }

    @Test
    void aMissingKeyOfASensitiveMapIsNotNamed() {
        Value map = Value.sensitive(Value.map(Map.of(SECRET, Value.of("x"))));
        assertNoSecret(evaluate("var.m[\"nope\"]", map));
    }

    @Test
    void aSensitiveValueOfTheWrongTypeIsNotQuoted() {
        AttributeTypes.Mismatch m = assertThrows(AttributeTypes.Mismatch.class,
                () -> AttributeTypes.convert(AttributeType.NUMBER, Value.sensitive(Value.of(SECRET))));
        assertFalse(m.getMessage().contains(SECRET), m.getMessage());
    }
}
