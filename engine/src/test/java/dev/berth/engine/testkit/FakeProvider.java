package dev.berth.engine.testkit;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.AttributeType;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.FindRequest;
import dev.berth.engine.provider.ProviderRequests.FindResponse;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceRequest;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.ValidateRequest;
import dev.berth.engine.provider.ProviderRequests.ValidateResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory provider with one resource type, {@code fake_thing}: {@code name} (required,
 * forces replacement), {@code size} (optional number, default 1), {@code note} (optional
 * string) and {@code id} (computed, "fake-N"). Every apply is recorded as "create ADDR",
 * "update ADDR" or "delete ADDR" so tests can check the order of calls.
 *
 * <p>One data source, also named {@code fake_thing} (as Terraform allows): it finds the object
 * of that {@code name} this fake made, giving its {@code id} and {@code size} and a sensitive
 * {@code token}, and is recorded as "read ADDR"; an object it never made is an error.
 */
public final class FakeProvider implements Provider {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> failingCreates = ConcurrentHashMap.newKeySet();
    private final Set<String> failingDeletes = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Value>> planOverrides = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Value>> applyOverrides = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Value>> readOverrides = new ConcurrentHashMap<>();
    /** The addresses plan was asked for, in order (apart from {@link #calls}, whose order tests check). */
    private final List<String> plannedAddrs = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean plansFromRequestAlone;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Set<String> dyingCreates = ConcurrentHashMap.newKeySet();
    /** Objects by the client token of the create that made them, until deleted. */
    private final Map<String, MapValue> byToken = new ConcurrentHashMap<>();
    /** What exists, by name, as a data source finds it. */
    private final Map<String, MapValue> world = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Map<String, ResourceSchema> resourceSchemas() {
        BlockSchema body = BlockSchema.of(List.of(
                AttributeSchema.named("name", AttributeType.STRING).required().forceNew().build(),
                AttributeSchema.named("size", AttributeType.NUMBER).defaultValue(Value.of(1)).build(),
                AttributeSchema.named("note", AttributeType.STRING).optional().build(),
                AttributeSchema.named("id", AttributeType.STRING).computed().build()));
        return Map.of("fake_thing", new ResourceSchema("fake_thing", body, 0, "a thing"));
    }

    @Override
    public Map<String, ResourceSchema> dataSourceSchemas() {
        BlockSchema body = BlockSchema.of(List.of(
                AttributeSchema.named("name", AttributeType.STRING).required().build(),
                AttributeSchema.named("id", AttributeType.STRING).computed().build(),
                AttributeSchema.named("size", AttributeType.NUMBER).computed().build(),
                AttributeSchema.named("token", AttributeType.STRING).computed().sensitive().build()));
        return Map.of("fake_thing", new ResourceSchema("fake_thing", body, 0, "finds a thing by name"));
    }

    @Override
    public ReadDataSourceResponse readDataSource(ReadDataSourceRequest request) {
        calls.add("read " + request.addr());
        String name = ((dev.berth.engine.value.StringValue) request.config().get("name")).value();
        MapValue found = world.get(name);
        if (found == null) {
            return new ReadDataSourceResponse(null, List.of(ProviderDiagnostic.error("no fake_thing named \""
                    + name + "\"", "the fake has made no such thing", "name")));
        }
        return new ReadDataSourceResponse(request.config().with("id", found.get("id")).with("size", found.get("size"))
                .with("token", Value.of("tok-" + name)), List.of());
    }

    /** Puts an object into the world as if another configuration had made it. */
    public void exists(String name, int size) {
        world.put(name, new MapValue(Map.of("name", Value.of(name), "size", Value.of(size),
                "id", Value.of("other-" + name))));
    }

    /** Creating this address will fail half-way: the object exists (with an id) but an error is returned. */
    public void failCreateOf(String addr) {
        failingCreates.add(addr);
    }

    /** Deleting this address fails and leaves the object in place. */
    public void failDeleteOf(String addr) {
        failingDeletes.add(addr);
    }

    public void stopFailingDeletes() {
        failingDeletes.clear();
    }

    /** From now on, plans of this address set attr to value (a provider whose answer moved under it). */
    public void planOverride(String addr, String attr, Value value) {
        planOverrides.computeIfAbsent(addr, k -> new ConcurrentHashMap<>()).put(attr, value);
    }

    /** From now on, refreshes of this address read attr as value (the object changed outside berth). */
    public void readOverride(String addr, String attr, Value value) {
        readOverrides.computeIfAbsent(addr, k -> new ConcurrentHashMap<>()).put(attr, value);
    }

    /** From now on, plan answers say they follow from their request alone (as a pure provider's may). */
    public void planFromRequestAlone(boolean on) {
        plansFromRequestAlone = on;
    }

    /** The addresses plan was asked for since the last {@link #clearPlanned}. */
    public List<String> planned() {
        synchronized (plannedAddrs) {
            return List.copyOf(plannedAddrs);
        }
    }

    public void clearPlanned() {
        plannedAddrs.clear();
    }

    /** From now on, applies of this address return attr as value whatever was planned (a misbehaving provider). */
    public void applyOverride(String addr, String attr, Value value) {
        applyOverrides.computeIfAbsent(addr, k -> new ConcurrentHashMap<>()).put(attr, value);
    }

    private final Map<String, Runnable> onCreate = new ConcurrentHashMap<>();

    /** Creating this address makes the object and then runs {@code action} (a disk filling up, say). */
    public void onCreateOf(String addr, Runnable action) {
        onCreate.put(addr, action);
    }

    /** Creating this address makes the object, then the run dies before it hears back. */
    public void dieDuringCreateOf(String addr) {
        dyingCreates.add(addr);
    }

    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void clearCalls() {
        calls.clear();
    }

    @Override
    public ValidateResponse validate(ValidateRequest request) {
        return new ValidateResponse(List.of());
    }

    @Override
    public PlanResponse plan(PlanRequest request) {
        plannedAddrs.add(request.addr().toString());
        if (request.config() == null) return new PlanResponse(null, List.of());
        Value id = request.prior() == null ? Value.unknown() : request.prior().get("id");
        MapValue planned = request.config().with("id", id);
        for (var e : planOverrides.getOrDefault(request.addr().toString(), Map.of()).entrySet()) {
            planned = planned.with(e.getKey(), e.getValue());
        }
        PlanResponse out = new PlanResponse(planned, List.of());
        return plansFromRequestAlone && !planOverrides.containsKey(request.addr().toString())
                ? out.asFromRequestAlone() : out;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request) {
        String addr = request.addr().toString();
        if (request.planned() == null) {
            calls.add("delete " + addr);
            if (failingDeletes.contains(addr)) {
                return new ApplyResponse(request.prior(), List.of(ProviderDiagnostic.error("Deleting " + addr
                        + " failed", "the fake was told to fail")));
            }
            byToken.values().removeIf(v -> v.get("id").equals(request.prior().get("id")));
            world.values().removeIf(v -> v.get("id").equals(request.prior().get("id")));
            return new ApplyResponse(null, List.of());
        }
        if (request.prior() == null) {
            calls.add("create " + addr);
            MapValue created = overridden(addr, request.planned().with("id", Value.of("fake-" + nextId.incrementAndGet())));
            if (request.clientToken() != null) byToken.put(request.clientToken(), created);
            remember(created);
            Runnable then = onCreate.remove(addr);
            if (then != null) then.run();
            if (dyingCreates.remove(addr)) throw new IllegalStateException("killed while creating " + addr);
            if (failingCreates.contains(addr)) {
                return new ApplyResponse(created, List.of(ProviderDiagnostic.error("Creating " + addr + " failed",
                        "the fake was told to fail")));
            }
            return new ApplyResponse(created, List.of());
        }
        calls.add("update " + addr);
        MapValue updated = overridden(addr, request.planned().with("id", request.prior().get("id")));
        remember(updated);
        return new ApplyResponse(updated, List.of());
    }

    private void remember(MapValue object) {
        if (object.get("name") instanceof dev.berth.engine.value.StringValue s) world.put(s.value(), object);
    }

    private MapValue overridden(String addr, MapValue v) {
        for (var e : applyOverrides.getOrDefault(addr, Map.of()).entrySet()) v = v.with(e.getKey(), e.getValue());
        return v;
    }

    @Override
    public ReadResponse read(ReadRequest request) {
        MapValue read = request.current();
        for (var e : readOverrides.getOrDefault(request.addr().toString(), Map.of()).entrySet()) {
            read = read.with(e.getKey(), e.getValue());
        }
        return new ReadResponse(read, List.of());
    }

    @Override
    public FindResponse find(FindRequest request) {
        return new FindResponse(byToken.get(request.clientToken()), List.of());
    }

    @Override
    public ImportResponse importState(ImportRequest request) {
        throw new UnsupportedOperationException("the fake provider does not import");
    }
}
