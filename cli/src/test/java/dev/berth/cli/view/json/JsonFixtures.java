package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderRequests;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-made configuration, providers and values for the JSON document tests. */
final class JsonFixtures {
    static final Path DIR = Path.of("fixture-dir");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFixtures() {
    }

    static Evaluator evaluator() {
        return new Evaluator(FunctionRegistry.standard(), DIR);
    }

    static Config config(String text) {
        ConfigLoader.Result r = new ConfigLoader(new SourceFiles(), new StaticEvaluator(evaluator()))
                .load(DIR, Map.of("main.hcl", text));
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
        return r.config();
    }

    /** One provider, "test", whose only resource type has schema version 2; it is never called. */
    static Providers providers() {
        Provider p = new Provider() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Map<String, ResourceSchema> resourceSchemas() {
                return Map.of("test_thing", new ResourceSchema("test_thing", BlockSchema.of(List.of()), 2, ""));
            }

            @Override
            public ProviderRequests.ValidateResponse validate(ProviderRequests.ValidateRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ProviderRequests.PlanResponse plan(ProviderRequests.PlanRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ProviderRequests.ApplyResponse apply(ProviderRequests.ApplyRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ProviderRequests.ReadResponse read(ProviderRequests.ReadRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ProviderRequests.ImportResponse importState(ProviderRequests.ImportRequest request) {
                throw new UnsupportedOperationException();
            }
        };
        return new Providers(List.of(p));
    }

    static MapValue obj(Object... kv) {
        Map<String, Value> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Value) kv[i + 1]);
        return new MapValue(m);
    }

    /** The printed document read back the way any consumer reads it. */
    static JsonNode parse(String printed) {
        try {
            return MAPPER.readTree(printed);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + printed, e);
        }
    }

    static void assertJson(String expected, JsonNode actual) {
        assertEquals(parse(expected.replace('\'', '"')), actual);
    }
}
