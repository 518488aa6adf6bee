package dev.berth.engine.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.run.VariableValues;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares berth's evaluator with Terraform 1.11's answers on the corpus of
 * {@code tf-oracle/corpus.txt}. The answers were captured by {@code tf-oracle/run-oracle.py}
 * (Terraform's {@code console}, in {@code tf-oracle/workspace}); this test only reads them. An
 * expression berth still answers differently is listed in {@link KnownDifferences} with the
 * reason, and the test fails if a listed one starts to match, so the list stays true.
 */
class TerraformOracleTest {
    static final Path ORACLE = Path.of("src/test/resources/tf-oracle");
    static final Path WORKSPACE = ORACLE.resolve("workspace");
    static final String SENSITIVE = "(sensitive value)";

    record Entry(String family, String expr, String json, String error) {
    }

    /** berth's answer in the oracle's terms: the jsonencode text, or "error: summary". */
    record Outcome(String json, String error) {
        String describe() {
            return error != null ? "error: " + error : json;
        }
    }

    static List<Entry> entries() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(ORACLE.resolve("answers.json")));
        List<Entry> out = new ArrayList<>();
        for (JsonNode a : root.get("answers")) {
            String json = a.has("json") ? a.get("json").asText() : a.has("sensitive") ? SENSITIVE : null;
            out.add(new Entry(a.get("family").asText(), a.get("expr").asText(), json,
                    a.has("error") ? a.get("error").asText() : null));
        }
        return out;
    }

    /** Evaluates expressions the way a plan of the workspace configuration would. */
    static final class Berth {
        final FunctionRegistry functions = FunctionRegistry.standard();
        final Evaluator evaluator = new Evaluator(functions, WORKSPACE);
        final RunScope scope;

        Berth() {
            ConfigLoader.Result loaded = new ConfigLoader(new SourceFiles(), new StaticEvaluator(evaluator)).load(WORKSPACE);
            assertEquals(List.of(), loaded.diagnostics(), "loading the oracle workspace");
            Config config = loaded.config();
            Diagnostics d = new Diagnostics();
            Map<String, Value> vars = VariableValues.resolve(config, Map.of(), evaluator, d);
            assertEquals(List.of(), d.list(), "resolving the workspace's variables");
            scope = new RunScope(config, evaluator, vars);
        }

        Outcome eval(String expr) {
            ParseResult parsed = HclParser.parseExpression("<oracle>", expr);
            if (parsed.hasErrors()) return new Outcome(null, parsed.diagnostics().get(0).summary());
            Diagnostics d = new Diagnostics();
            Value v = evaluator.evaluate(parsed.expression(), scope, d);
            if (d.hasErrors()) return new Outcome(null, d.list().get(0).summary());
            if (!v.isWhollyKnown()) return new Outcome("(known after apply)", null);
            // The console hides a result that is or holds a sensitive value; so does berth.
            if (v.containsSensitive()) return new Outcome(SENSITIVE, null);
            try {
                Value json = functions.call(functions.lookup("jsonencode").orElseThrow(), List.of(v));
                return new Outcome(((StringValue) json.unmarked()).value(), null);
            } catch (RuntimeException e) {
                return new Outcome(null, e.getMessage());
            }
        }
    }

    static boolean matches(Entry e, Outcome o) {
        return e.error != null ? o.error != null : e.json.equals(o.json);
    }

    @TestFactory
    Stream<DynamicContainer> berthAnswersAsTerraformDoes() throws IOException {
        Berth berth = new Berth();
        Map<String, List<DynamicTest>> byFamily = new LinkedHashMap<>();
        for (Entry e : entries()) {
            byFamily.computeIfAbsent(e.family, f -> new ArrayList<>()).add(DynamicTest.dynamicTest(e.expr, () -> {
                Outcome o = berth.eval(e.expr);
                String expected = e.error != null ? "an error (" + e.error + ")" : e.json;
                String known = KnownDifferences.REASONS.get(e.expr);
                if (known != null) {
                    assertTrue(!matches(e, o), "listed as a known difference (" + known
                            + ") but berth now answers as Terraform does: remove it from KnownDifferences");
                    return;
                }
                if (e.error != null) {
                    assertNotEquals(null, o.error, e.expr + ": Terraform rejects it with " + expected
                            + ", berth answered " + o.describe());
                } else {
                    assertEquals(e.json, o.describe(), e.expr);
                }
            }));
        }
        return byFamily.entrySet().stream().map(f -> DynamicContainer.dynamicContainer(f.getKey(), f.getValue()));
    }

    /** Prints the match rate by family (kept in the report of the build) and checks the list of differences. */
    @Test
    void matchRateByFamily() throws IOException {
        Berth berth = new Berth();
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> differing = new ArrayList<>();
        for (Entry e : entries()) {
            int[] c = counts.computeIfAbsent(e.family, f -> new int[2]);
            c[1]++;
            if (matches(e, berth.eval(e.expr))) c[0]++;
            else differing.add(e.expr);
        }
        StringBuilder report = new StringBuilder("Terraform oracle corpus, berth's matches by family:\n");
        int total = 0, all = 0;
        for (var f : counts.entrySet()) {
            report.append(String.format("  %-12s %3d / %3d%n", f.getKey(), f.getValue()[0], f.getValue()[1]));
            total += f.getValue()[0];
            all += f.getValue()[1];
        }
        report.append(String.format("  %-12s %3d / %3d%n", "all", total, all));
        System.out.print(report);
        assertEquals(new TreeSet<>(KnownDifferences.REASONS.keySet()), new TreeSet<>(differing),
                "the expressions berth answers differently are exactly the known differences");
    }
}
