package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * sensitive(), nonsensitive(), issensitive() and how markings flow through functions, operators,
 * conditionals, for expressions, templates, indexes and splats: every line of Terraform 1.11's
 * recorded answers ({@code oracle/sensitivity-functions.txt}) must come out the same in berth.
 */
class SensitivityOracleTest {

    static Stream<Arguments> oracle() throws IOException {
        try (InputStream in = SensitivityOracleTest.class.getResourceAsStream("/oracle/sensitivity-functions.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 2)).map(p -> Arguments.of(p[0], p[1])).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("oracle")
    void answersAsTerraformDoes(String expression, String terraform) {
        assertEquals(terraform, shown(evaluate(expression)), expression);
    }

    private static Value evaluate(String src) {
        ParseResult r = HclParser.parseExpression("oracle.tf", src);
        assertEquals(List.of(), r.diagnostics(), "parse errors in " + src);
        Diagnostics diags = new Diagnostics();
        Scope scope = (ref, d) -> switch (ref.kind()) {
            case "var" -> Value.sensitive(Value.of("abc"));
            case "resource" -> Value.map(Map.of("output", Value.unknown()));
            default -> throw new AssertionError(ref.text());
        };
        Value v = new Evaluator(FunctionRegistry.standard(), Path.of(".")).evaluate(r.expression(), scope, diags);
        assertEquals(List.of(), diags.list(), "diagnostics for " + src);
        return v;
    }

    /** The console's spelling of the values the oracle file holds. */
    private static String shown(Value v) {
        if (v instanceof SensitiveValue) return "(sensitive value)";
        if (v instanceof UnknownValue) return "(known after apply)";
        if (v instanceof NullValue) return "null";
        if (v instanceof BoolValue b) return String.valueOf(b.value());
        if (v instanceof StringValue s) return "\"" + s.value() + "\"";
        return v.toString();
    }
}
