package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.graph.Dag;
import dev.berth.engine.graph.DagWalker;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.ProviderDiagnostics;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.ValuePaths;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every resource in state back from its provider, in parallel. What differs from the
 * stored state is drift: it is reported, and the refreshed snapshot (same lineage and serial,
 * since nothing was written) is what the plan is made against.
 */
public final class Refresher {
    private Refresher() {
    }

    public record Result(StateSnapshot refreshed, List<ResourceChange> drift, List<Diagnostic> diagnostics) {
    }

    public static Result refresh(StateSnapshot prior, Providers providers, int parallelism, RunHooks hooks) {
        return refresh(prior, providers, parallelism, hooks, Targeting.everything());
    }

    /** Reads only what {@code targeting} selects (-target); the rest of the state is kept as stored. */
    public static Result refresh(StateSnapshot prior, Providers providers, int parallelism, RunHooks hooks,
                                 Targeting targeting) {
        Diagnostics diags = new Diagnostics();
        Map<ResourceInstanceAddr, MapValue> read = new ConcurrentHashMap<>();
        Map<ResourceInstanceAddr, Boolean> gone = new ConcurrentHashMap<>();
        // Data sources are not refreshed: planning reads them again whole (or drops them).
        List<ResourceInstanceAddr> toRead = prior.resources().keySet().stream()
                .filter(a -> !a.isData() && targeting.includes(a)).toList();
        Dag<Batch> batches = new Dag<>();
        batches(toRead, parallelism).forEach(b -> batches.add(new Batch(b)));
        DagWalker.walk(batches, parallelism, node -> {
            List<ResourceInstanceAddr> batch = node.addrs;
            String type = batch.get(0).type();
            Provider p = providers.forType(type).orElse(null);
            if (p == null) {
                batch.forEach(addr -> diags.error("Resource type \"" + type + "\" of " + addr + " in the state is not "
                        + "offered by any provider.", "", null));
                return false;
            }
            List<ReadRequest> requests = new ArrayList<>(batch.size());
            List<RunHooks.Refreshing> starting = new ArrayList<>(batch.size());
            for (ResourceInstanceAddr addr : batch) {
                ResourceState rs = prior.resources().get(addr);
                starting.add(new RunHooks.Refreshing(addr, idOf(rs.attributes())));
                requests.add(new ReadRequest(addr, type, rs.attributes()));
            }
            hooks.refreshing(starting);
            dev.berth.engine.trace.Trace.mark("read", batch);
            List<ReadResponse> answers = p.readAll(requests);
            dev.berth.engine.trace.Trace.mark("read done", batch);
            boolean ok = true;
            for (int i = 0; i < batch.size(); i++) {
                ResourceInstanceAddr addr = batch.get(i);
                ReadResponse r = answers.get(i);
                diags.addAll(ProviderDiagnostics.convert(r.diagnostics(), addr, null));
                if (r.diagnostics().stream().anyMatch(d -> d.isError())) {
                    ok = false;
                    continue;
                }
                if (r.state() == null) gone.put(addr, true);
                else read.put(addr, unchangedAs(r.state(), requests.get(i).current()));
                hooks.refreshed(addr, r.state() == null ? "" : idOf(r.state()));
            }
            return ok;
        });
        // In the prior state's order, so the new snapshot need not sort again.
        Map<ResourceInstanceAddr, ResourceState> resources = new java.util.LinkedHashMap<>();
        List<ResourceChange> drift = new ArrayList<>();
        for (ResourceState rs : prior.resources().values()) {
            ResourceInstanceAddr addr = rs.addr();
            String provider = rs.provider();
            if (gone.containsKey(addr)) {
                drift.add(new ResourceChange(addr, provider, Action.DELETE, rs.attributes(), null, List.of(),
                        ActionReason.NONE));
                continue;
            }
            MapValue now = read.getOrDefault(addr, rs.attributes());
            if (now == rs.attributes()) {
                resources.put(addr, rs);
                continue;
            }
            if (!ValuePaths.sameValue(now, rs.attributes())) {
                drift.add(new ResourceChange(addr, provider, Action.UPDATE, rs.attributes(), now, List.of(),
                        ActionReason.NONE));
            }
            resources.put(addr, rs.withAttributes(now));
        }
        StateSnapshot refreshed = prior.withResources(resources);
        return new Result(refreshed, drift, diags.list());
    }

    /**
     * The stored object itself when an object reads back exactly as stored (marks too): the state
     * keeps its own object, so a plan of 100,000 unchanged objects holds no second copy of each.
     * Compared in the batch that read it, on every core: done after the walk, one object after
     * another, it was a twelfth of a served plan of 100,000.
     */
    private static MapValue unchangedAs(MapValue read, MapValue stored) {
        return read == stored || read.equals(stored) ? stored : read;
    }

    /** A node of the refresh's walk, equal only to itself (the walk keys its maps by node). */
    private static final class Batch {
        final List<ResourceInstanceAddr> addrs;

        Batch(List<ResourceInstanceAddr> addrs) {
            this.addrs = addrs;
        }
    }

    /**
     * The most objects in one batch: the batches being read at once hold their answers in memory
     * together, and a tenth of 50,000 task definitions per batch raised a plan's peak by 100 MB.
     * At 100,000, batches of 500 still had about 100 MB of answers in hand at the young
     * collections of a plan, which the collector promoted to the old generation; batches of 100,
     * 27 MB, in the same time.
     */
    static final int MAX_BATCH = 100;

    /**
     * The objects to read, of one type per batch, in at most {@code parallelism} batches per
     * type (or batches of {@link #MAX_BATCH}): a provider that reads many at once does so a few
     * times, and one that reads them one by one (a Docker inspect each) still has them read
     * {@code parallelism} at a time.
     */
    static List<List<ResourceInstanceAddr>> batches(List<ResourceInstanceAddr> addrs, int parallelism) {
        Map<String, List<ResourceInstanceAddr>> byType = new java.util.LinkedHashMap<>();
        addrs.forEach(a -> byType.computeIfAbsent(a.type(), t -> new ArrayList<>()).add(a));
        List<List<ResourceInstanceAddr>> out = new ArrayList<>();
        for (List<ResourceInstanceAddr> all : byType.values()) {
            int size = Math.min(MAX_BATCH, (all.size() + parallelism - 1) / parallelism);
            for (int from = 0; from < all.size(); from += size) {
                out.add(List.copyOf(all.subList(from, Math.min(all.size(), from + size))));
            }
        }
        return out;
    }

    /** The id shown in progress lines: the {@code id} attribute when it has one. */
    public static String idOf(MapValue attributes) {
        return attributes != null && attributes.get("id") instanceof StringValue s ? s.value() : "";
    }
}
