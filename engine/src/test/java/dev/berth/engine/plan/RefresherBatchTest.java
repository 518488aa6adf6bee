package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.AttributeType;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.Provider;
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
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refresh hands a provider its objects in a few batches of one type (so a provider that can
 * read many at once makes one query per batch), and what it reports per object is the same as
 * reading each alone: gone objects are drift to delete, changed ones drift to update.
 */
class RefresherBatchTest {

    /** Reads in batches only; records each batch's addresses and the types they hold. */
    static final class Batching implements Provider {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "bat";
        }

        @Override
        public Map<String, ResourceSchema> resourceSchemas() {
            Map<String, ResourceSchema> out = new TreeMap<>();
            for (String type : List.of("bat_a", "bat_b")) {
                out.put(type, new ResourceSchema(type, BlockSchema.of(List.of(
                        AttributeSchema.named("name", AttributeType.STRING).required().build(),
                        AttributeSchema.named("size", AttributeType.NUMBER).optional().build())), 0, ""));
            }
            return out;
        }

        @Override
        public ValidateResponse validate(ValidateRequest request) {
            return new ValidateResponse(List.of());
        }

        @Override
        public PlanResponse plan(PlanRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ApplyResponse apply(ApplyRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReadResponse read(ReadRequest request) {
            throw new AssertionError("read one by one: " + request.addr());
        }

        @Override
        public List<ReadResponse> readAll(List<ReadRequest> requests) {
            batches.add(requests.stream().map(r -> r.type() + " " + r.addr()).toList());
            return requests.stream().map(r -> {
                String name = r.addr().name();
                if (name.equals("gone")) return new ReadResponse(null, List.of());
                if (name.equals("grown")) return new ReadResponse(r.current().with("size", Value.of(2)), List.of());
                if (name.equals("copied")) return new ReadResponse(new MapValue(Map.copyOf(r.current().entries())), List.of());
                return new ReadResponse(r.current(), List.of());
            }).toList();
        }

        @Override
        public ImportResponse importState(ImportRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void objectsAreReadInAtMostParallelismBatchesPerTypeEachOnce() {
        Map<ResourceInstanceAddr, ResourceState> resources = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 23; i++) names.add("n" + i);
        names.add("gone");
        names.add("grown");
        for (String type : List.of("bat_a", "bat_b")) {
            for (String name : type.equals("bat_a") ? names : List.of("b1", "b2", "b3")) {
                ResourceInstanceAddr addr = ResourceInstanceAddr.of(type, name);
                resources.put(addr, new ResourceState(addr, "berth.dev/builtin/bat", 0, new MapValue(Map.of(
                        "name", Value.of(name), "size", Value.of(1))), List.of(), false));
            }
        }
        Batching provider = new Batching();
        Refresher.Result r = Refresher.refresh(new StateSnapshot("l", 1, resources, Map.of()),
                new Providers(List.of(provider)), 4, RunHooks.NONE);

        assertEquals(List.of(), r.diagnostics());
        Set<String> read = new TreeSet<>();
        for (List<String> batch : provider.batches) {
            assertEquals(1, batch.stream().map(s -> s.split(" ")[0]).distinct().count(), "one type per batch: " + batch);
            batch.forEach(a -> assertTrue(read.add(a), "read twice: " + a));
        }
        assertEquals(resources.size(), read.size());
        assertTrue(provider.batches.size() <= 8, "at most 4 batches per type: " + provider.batches.size());
        assertEquals(List.of("DELETE bat_a.gone", "UPDATE bat_a.grown"),
                r.drift().stream().map(c -> c.action() + " " + c.addr()).sorted().toList());
        ResourceInstanceAddr grown = ResourceInstanceAddr.of("bat_a", "grown");
        assertEquals(Value.of(2), r.refreshed().resource(grown).orElseThrow().attributes().get("size"));
        assertTrue(r.refreshed().resource(ResourceInstanceAddr.of("bat_a", "gone")).isEmpty());
    }

    @Test
    void anObjectReadBackEqualKeepsTheStoredOneAndIsNoDrift() {
        ResourceInstanceAddr addr = ResourceInstanceAddr.of("bat_a", "copied");
        MapValue stored = new MapValue(Map.of("name", Value.of("copied"), "size", Value.of(1)));
        Refresher.Result r = Refresher.refresh(new StateSnapshot("l", 1, Map.of(addr, new ResourceState(addr,
                "berth.dev/builtin/bat", 0, stored, List.of(), false)), Map.of()), new Providers(List.of(new Batching())),
                4, RunHooks.NONE);
        assertEquals(List.of(), r.drift());
        assertSame(stored, r.refreshed().resource(addr).orElseThrow().attributes());
    }

    @Test
    void batchesStaySmallEnoughToHoldSeveralAtOnce() {
        List<ResourceInstanceAddr> many = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) many.add(ResourceInstanceAddr.of("bat_a", "n" + i));
        List<List<ResourceInstanceAddr>> batches = Refresher.batches(many, 2);
        assertTrue(batches.stream().allMatch(b -> b.size() <= Refresher.MAX_BATCH), batches.size() + " batches");
        assertEquals(many, batches.stream().flatMap(List::stream).toList());
        assertEquals(2, Refresher.batches(many.subList(0, 10), 2).size());
    }
}
