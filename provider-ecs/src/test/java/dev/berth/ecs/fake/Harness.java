package dev.berth.ecs.fake;

import dev.berth.ecs.EcsProvider;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ForceNew;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.ValidateRequest;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Drives the provider the way the engine does (plan, then apply the planned value) against an
 * in-memory store and engine, and builds configuration values the way the engine decodes them.
 */
public final class Harness implements AutoCloseable {
    public final MemoryStore store = new MemoryStore();
    public final FakeRuntime runtime = new FakeRuntime();
    public final EcsProvider provider = new EcsProvider(store, host -> runtime);

    public List<ProviderDiagnostic> validate(String type, MapValue config) {
        return provider.validate(new ValidateRequest(addr(type), type, config)).diagnostics();
    }

    public PlanResponse plan(String type, MapValue prior, MapValue config) {
        // As the engine does: a configuration that does not validate is never planned.
        List<ProviderDiagnostic> invalid = validate(type, config);
        if (invalid.stream().anyMatch(ProviderDiagnostic::isError)) return new PlanResponse(null, invalid);
        PlanResponse planned = provider.plan(new PlanRequest(addr(type), type, prior, config));
        List<ProviderDiagnostic> all = new java.util.ArrayList<>(invalid);
        planned.diagnostics().stream().filter(d -> !all.contains(d)).forEach(all::add);
        return new PlanResponse(planned.planned(), all, planned.notes(), planned.summary());
    }

    /** The paths whose change forces a replacement, as the engine derives them from the schema. */
    public List<List<Object>> replacePaths(String type, MapValue prior, PlanResponse plan) {
        return ForceNew.changedPaths(provider.resourceSchemas().get(type).body(), prior, plan.planned());
    }

    public List<List<Object>> replacePaths(String type, MapValue prior, MapValue config) {
        return replacePaths(type, prior, plan(type, prior, config));
    }

    public ApplyResponse apply(String type, MapValue prior, MapValue planned, MapValue config) {
        return provider.apply(new ApplyRequest(addr(type), type, prior, planned, config));
    }

    public ReadResponse read(String type, MapValue current) {
        return provider.read(new ReadRequest(addr(type), type, current));
    }

    /** Plans and applies; fails the test on any error. */
    public MapValue converge(String type, MapValue prior, MapValue config) {
        PlanResponse plan = plan(type, prior, config);
        assertEquals(List.of(), errors(plan.diagnostics()), "plan errors");
        ApplyResponse applied = apply(type, prior, plan.planned(), config);
        assertEquals(List.of(), errors(applied.diagnostics()), "apply errors");
        assertNotNull(applied.newState());
        return applied.newState();
    }

    public static List<String> errors(List<ProviderDiagnostic> diags) {
        List<String> out = new ArrayList<>();
        for (ProviderDiagnostic d : diags) if (d.isError()) out.add(d.summary());
        return out;
    }

    private static ResourceInstanceAddr addr(String type) {
        return ResourceInstanceAddr.of(type, "test");
    }

    /** An object from key/value pairs; Java strings, numbers, booleans, lists and maps convert. */
    public static MapValue obj(Object... kv) {
        Map<String, Value> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], value(kv[i + 1]));
        return new MapValue(m);
    }

    public static Value value(Object o) {
        if (o == null) return Value.nil();
        if (o instanceof Value v) return v;
        if (o instanceof String s) return Value.of(s);
        if (o instanceof Integer n) return Value.of(n);
        if (o instanceof Double d) return Value.of(BigDecimal.valueOf(d));
        if (o instanceof Boolean b) return Value.of(b);
        if (o instanceof List<?> l) {
            List<Value> items = new ArrayList<>();
            for (Object x : l) items.add(value(x));
            return Value.list(items);
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Value> entries = new HashMap<>();
            m.forEach((k, v) -> entries.put((String) k, value(v)));
            return Value.map(entries);
        }
        throw new IllegalArgumentException("no value for " + o);
    }

    @Override
    public void close() {
        provider.close();
    }
}
