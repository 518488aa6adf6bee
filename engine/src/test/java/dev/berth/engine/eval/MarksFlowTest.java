package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.functions.Function;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A marking reaches every result computed from a marked value, whatever the path: functions
 * (including ones the engine does not know, added later), operators, templates, for
 * expressions, conditionals, indexes and splats; and no error message quotes it.
 */
class MarksFlowTest {
    private static final String SECRET = "s3cr3t-XYZZY-42";

    /** A function written without any thought for markings, as a later one might be. */
    private static final Function NAIVE = new Function() {
        final List<Value> seen = new ArrayList<>();

        public String name() {
            return "naive";
        }

        public String signature() {
            return "naive(x)";
        }

        public Value call(List<Value> args) {
            seen.addAll(args);
            if (args.get(0).containsSensitive()) throw new AssertionError("a function saw a marking");
            if (args.get(0) instanceof StringValue s && s.value().equals("boom-" + SECRET)) {
                throw new IllegalStateException("cannot handle " + s.value());
            }
            return Value.of("seen:" + args.get(0));
        }
    };

    private final Diagnostics diags = new Diagnostics();

    private Value eval(String src) {
        FunctionRegistry functions = FunctionRegistry.standard().with(List.of(NAIVE));
        Scope scope = (ref, d) -> switch (ref.kind() + "." + ref.name()) {
            case "var.s" -> Value.sensitive(Value.of(SECRET));
            case "var.n" -> Value.sensitive(Value.of(3));
            case "var.flag" -> Value.sensitive(Value.of(true));
            case "var.list" -> Value.sensitive(Value.list(List.of(Value.of("a"), Value.of(SECRET))));
            case "var.objs" -> Value.sensitive(Value.list(List.of(Value.map(Map.of("name", Value.of(SECRET))))));
            case "var.env" -> Value.map(Map.of("PASSWORD", Value.sensitive(Value.of(SECRET)), "USER", Value.of("app")));
            case "var.later" -> Value.unknown();
            default -> throw new AssertionError(ref.text());
        };
        return new Evaluator(functions, Path.of(".")).evaluate(
                HclParser.parseExpression("flow.tf", src).expression(), scope, diags);
    }

    private void assertMarked(String src) {
        Value v = eval(src);
        assertEquals(List.of(), diags.list(), src);
        assertInstanceOf(SensitiveValue.class, v, src + " gave " + v);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "var.n + 1", "1 - var.n", "var.n * 2", "6 / var.n", "7 % var.n", "-var.n",
            "var.n < 1", "var.n <= 1", "var.n > 1", "var.n >= 1", "var.s == \"x\"", "var.s != \"x\"",
            "var.flag && true", "true && var.flag", "var.flag || false", "false || var.flag", "!var.flag",
            "\"pw=${var.s}\"", "<<EOT\n${var.s}\nEOT\n", "\"%{if var.flag}y%{endif}\"", "\"%{for x in var.list}${x}%{endfor}\"",
            "var.flag ? \"a\" : \"b\"", "var.s != \"\" ? var.s : \"none\"",
            "[for x in var.list : upper(x)]", "{for x in var.list : x => 1}", "[for x in [\"a\"] : x if var.flag]",
            "var.list[0]", "var.objs[0].name", "var.objs[*].name", "var.list[*]", "[\"a\", \"b\"][var.n - 3]",
            "format(\"%s!\", var.s)", "jsonencode({ a = var.s })", "merge({ a = 1 }, { b = var.s })",
            "lookup(var.env, \"PASSWORD\", \"d\")", "base64encode(var.s)", "length(var.list)", "join(\",\", var.list)",
            "naive(var.s)", "naive(\"x${var.s}\")", "upper(var.later == \"\" ? \"a\" : var.s)",
            "upper(sensitive(var.later))", "tostring(var.n)", "coalesce(var.s, \"x\")", "try(var.s, \"x\")",
    })
    void theResultIsMarked(String src) {
        assertMarked(src);
    }

    @Test
    void aForExpressionKeepsTheMarksOfItsElements() {
        Value v = eval("[for k, v in var.env : { name = k, value = v }]");
        assertEquals(List.of(), diags.list());
        ListValue l = assertInstanceOf(ListValue.class, v);
        assertInstanceOf(SensitiveValue.class, ((MapValue) l.get(0)).get("value"));
        assertFalse(((MapValue) l.get(1)).get("value").containsSensitive(), "USER is not secret");
    }

    @Test
    void aTupleKeepsItsMarkedElementAndNothingMore() {
        ListValue l = assertInstanceOf(ListValue.class, eval("[\"a\", var.s]"));
        assertFalse(l.get(0).containsSensitive());
        assertInstanceOf(SensitiveValue.class, l.get(1));
    }

    @Test
    void aFunctionSeesPlainValuesAndItsFailureDoesNotQuoteThem() {
        eval("naive(\"boom-${var.s}\")");
        assertTrue(diags.hasErrors());
        assertSecretNotIn(diags);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\"][var.n]", "var.objs[0].nope", "var.list[var.n]", "{ a = 1 }[var.s]"})
    void errorsAboutAMarkedValueDoNotQuoteIt(String src) {
        eval(src);
        assertTrue(diags.hasErrors(), src);
        assertSecretNotIn(diags);
        for (Diagnostic d : diags.list()) {
            assertFalse(d.summary().contains(" 3 ") || d.detail().contains("\"name\""), d.toString());
        }
    }

    private void assertSecretNotIn(Diagnostics diags) {
        for (Diagnostic d : diags.list()) {
            assertFalse(d.summary().contains(SECRET) || d.detail().contains(SECRET), d.toString());
        }
    }
}
