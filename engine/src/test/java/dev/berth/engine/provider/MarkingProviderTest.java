package dev.berth.engine.provider;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.ValidateRequest;
import dev.berth.engine.provider.ProviderRequests.ValidateResponse;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markings survive a provider that knows nothing of them: values it normalises, values it
 * derives from marked input, values it reads back, and messages that quote what it was given.
 */
class MarkingProviderTest {
    private static final String SECRET = "s3cr3t-XYZZY-42";
    private static final ResourceInstanceAddr ADDR = new ResourceAddr("box_thing", "a").instance(InstanceKey.NONE);

    /** Normalises "json" (re-encodes it), derives "json_out" from "blocks", and quotes "name" in an error. */
    private static final class Naive implements Provider {
        public String name() {
            return "box";
        }

        public Map<String, ResourceSchema> resourceSchemas() {
            BlockSchema block = BlockSchema.of(List.of(
                    AttributeSchema.named("env", AttributeType.MAP_OF_STRING).optional().build()));
            return Map.of("box_thing", new ResourceSchema("box_thing", BlockSchema.of(List.of(
                    AttributeSchema.named("name", AttributeType.STRING).optional().build(),
                    AttributeSchema.named("json", AttributeType.STRING).optional().computed().build(),
                    AttributeSchema.named("json_out", AttributeType.STRING).computed().derivedFrom("blocks").build(),
                    AttributeSchema.named("token", AttributeType.STRING).computed().sensitive().build(),
                    AttributeSchema.named("id", AttributeType.STRING).computed().build()),
                    List.of(new BlockSchema.NestedBlock("blocks", block, 0, 0, false))), 0, ""));
        }

        public ValidateResponse validate(ValidateRequest r) {
            if (r.config().containsSensitive()) throw new AssertionError("the provider saw a marking");
            return new ValidateResponse(List.of(ProviderDiagnostic.warning("name \"" + r.config().get("name").unmarked()
                    + "\" looks odd", "json was " + r.config().get("json").unmarked())));
        }

        public PlanResponse plan(PlanRequest r) {
            if (r.config().containsSensitive()) throw new AssertionError("the provider saw a marking");
            Map<String, Value> m = new TreeMap<>(r.config().entries());
            if (!r.config().get("json").isNull()) {
                m.put("json", Value.of(ValueJson.toJson(ValueJson.fromJson(((dev.berth.engine.value.StringValue)
                        r.config().get("json")).value()))));
            }
            m.put("json_out", Value.of(ValueJson.toJson(r.config().get("blocks"))));
            m.put("token", Value.of("tok-1234"));
            m.put("id", Value.unknown());
            return new PlanResponse(new MapValue(m), List.of(
                    ProviderDiagnostic.warning("planning " + r.config().get("name").unmarked(), "")));
        }

        public ApplyResponse apply(ApplyRequest r) {
            return new ApplyResponse(r.planned().with("id", Value.of("id-1")), List.of());
        }

        public ReadResponse read(ReadRequest r) {
            return new ReadResponse(r.current(), List.of());
        }

        public ImportResponse importState(ImportRequest r) {
            return new ImportResponse(new MapValue(Map.of("token", Value.of("tok-9999"), "id", Value.of(r.id()))), List.of());
        }
    }

    private final Provider provider = new Providers(List.of(new Naive())).forType("box_thing").orElseThrow();

    private static MapValue config() {
        Map<String, Value> m = new TreeMap<>();
        m.put("name", Value.sensitive(Value.of("n-" + SECRET)));
        m.put("json", Value.sensitive(Value.of("{ \"pw\" : \"" + SECRET + "\" }")));
        m.put("blocks", Value.list(List.of(Value.map(Map.of("env",
                Value.map(Map.of("PW", Value.sensitive(Value.of(SECRET)), "USER", Value.of("app"))))))));
        return new MapValue(m);
    }

    @Test
    void aNormalisedMarkedValueStaysMarked() {
        MapValue planned = provider.plan(new PlanRequest(ADDR, "box_thing", null, config())).planned();
        assertInstanceOf(SensitiveValue.class, planned.get("json"));
        assertInstanceOf(SensitiveValue.class, planned.get("name"));
    }

    @Test
    void aValueDerivedFromMarkedInputIsMarkedAndItsNeighboursAreNot() {
        MapValue planned = provider.plan(new PlanRequest(ADDR, "box_thing", null, config())).planned();
        assertInstanceOf(SensitiveValue.class, planned.get("json_out"));
        MapValue env = (MapValue) ((MapValue) ((ListValue) planned.get("blocks")).get(0)).get("env");
        assertInstanceOf(SensitiveValue.class, env.get("PW"));
        assertFalse(env.get("USER").containsSensitive());
        assertFalse(planned.get("id").containsSensitive(), "an id is not made from the secret");
    }

    @Test
    void schemaSensitiveComputedValuesAreMarkedEvenOnImport() {
        MapValue planned = provider.plan(new PlanRequest(ADDR, "box_thing", null, config())).planned();
        assertInstanceOf(SensitiveValue.class, planned.get("token"));
        MapValue imported = provider.importState(new ImportRequest(ADDR, "box_thing", "x")).state();
        assertInstanceOf(SensitiveValue.class, imported.get("token"));
    }

    @Test
    void appliedAndReadBackStateKeepsTheMarks() {
        MapValue planned = provider.plan(new PlanRequest(ADDR, "box_thing", null, config())).planned();
        MapValue state = provider.apply(new ApplyRequest(ADDR, "box_thing", null, planned, config())).newState();
        assertInstanceOf(SensitiveValue.class, state.get("json_out"));
        assertInstanceOf(SensitiveValue.class, state.get("json"));
        assertFalse(state.get("id").containsSensitive());
        MapValue read = provider.read(new ReadRequest(ADDR, "box_thing", state)).state();
        assertEquals(state, read, "a refresh must not drop markings");
    }

    @Test
    void aValueThatStopsBeingSensitiveInConfigurationIsUnmarked() {
        MapValue planned = provider.plan(new PlanRequest(ADDR, "box_thing", null, config())).planned();
        MapValue prior = provider.apply(new ApplyRequest(ADDR, "box_thing", null, planned, config())).newState();
        MapValue plainConfig = (MapValue) config().unmarked();
        MapValue again = provider.plan(new PlanRequest(ADDR, "box_thing", prior, plainConfig)).planned();
        assertFalse(again.get("name").containsSensitive());
        assertFalse(again.get("json_out").containsSensitive());
        assertTrue(again.get("token").containsSensitive(), "the schema still says so");
    }

    @Test
    void messagesDoNotQuoteWhatTheProviderWasGiven() {
        var validate = provider.validate(new ValidateRequest(ADDR, "box_thing", config())).diagnostics();
        var plan = provider.plan(new PlanRequest(ADDR, "box_thing", null, config())).diagnostics();
        for (ProviderDiagnostic d : List.of(validate.get(0), plan.get(0))) {
            assertFalse(d.summary().contains(SECRET) || d.detail().contains(SECRET), d.toString());
            assertTrue(d.summary().contains("(sensitive value)"), d.toString());
        }
    }
}
