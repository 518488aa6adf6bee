package dev.berth.engine.cost;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.eval.Reference;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.provider.CostRequests.CostItem;
import dev.berth.engine.provider.CostRequests.CostRequest;
import dev.berth.engine.provider.CostRequests.CostResponse;
import dev.berth.engine.provider.CostRequests.CostSubject;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.ConfigGraph;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.value.MapValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prices a plan through the providers' optional cost capability. Every managed object of the
 * refreshed state is a subject (before and after the same, since the plan leaves it alone)
 * unless the plan changes it; a refresh-only plan changes nothing. Each provider is asked once,
 * with all of its subjects, so it can price a service by the task definition beside it.
 */
public final class PlanCosts {
    private PlanCosts() {
    }

    public static CostEstimate estimate(Plan plan, Config config, Providers providers) {
        // Each object is priced once: by its change when the plan has one, else as the state holds
        // it. One pass over the state, which finds each change's prior object by the change's own
        // address, instead of a subject per object replaced by its change's (two map writes and a
        // state lookup for each of 100,000 unchanged objects).
        Map<ResourceInstanceAddr, ResourceChange> changed = new LinkedHashMap<>();
        Set<ResourceInstanceAddr> movedAway = new HashSet<>();
        if (plan.mode() != Plan.Mode.REFRESH_ONLY) plan.resourceChanges().forEach(c -> {
            if (c.moved()) movedAway.add(c.previousAddr());
            // A deposed object shares its address with the current one; the current one is priced.
            if (!c.addr().isData() && c.deposed() == null) changed.put(c.addr(), c);
        });
        List<CostSubject> ordered = new ArrayList<>(plan.priorState().resources().size() + changed.size());
        for (ResourceState rs : plan.priorState().resources().values()) {
            if (rs.addr().isData() || movedAway.contains(rs.addr())) continue;
            ResourceChange c = changed.remove(rs.addr());
            if (c == null) {
                ordered.add(new CostSubject(rs.addr(), rs.addr().type(), rs.attributes(), rs.attributes(),
                        upstream(rs, null)));
            } else {
                ordered.add(subject(c, c.moved() ? prior(plan, c) : rs, config));
            }
        }
        for (ResourceChange c : changed.values()) ordered.add(subject(c, prior(plan, c), config));
        ordered.sort(java.util.Comparator.comparing(CostSubject::addr));
        return ask(ordered, config, providers);
    }

    private static ResourceState prior(Plan plan, ResourceChange c) {
        return plan.priorState().resource(c.moved() ? c.previousAddr() : c.addr()).orElse(null);
    }

    private static CostSubject subject(ResourceChange c, ResourceState prior, Config config) {
        return new CostSubject(c.addr(), c.addr().type(), c.before(), c.after(),
                upstream(prior, config == null ? null : config.resources().get(c.addr().resource())));
    }

    private static CostEstimate ask(Iterable<CostSubject> subjects, Config config, Providers providers) {
        Map<Provider, List<CostSubject>> byProvider = new LinkedHashMap<>();
        for (CostSubject s : subjects) {
            providers.forType(s.type()).ifPresent(p -> byProvider.computeIfAbsent(p, k -> new ArrayList<>()).add(s));
        }
        List<CostEstimate.Line> lines = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        byProvider.forEach((p, list) -> {
            CostResponse r = p.estimateCost(new CostRequest(list));
            for (CostItem i : r.items()) lines.add(new CostEstimate.Line(i.addr(), i.before(), i.after(), i.description()));
            for (ProviderDiagnostic d : r.diagnostics()) diags.add(diagnostic(d, p.name(), config));
        });
        lines.sort(java.util.Comparator.comparing(CostEstimate.Line::addr));
        return new CostEstimate(lines, diags);
    }

    /** A finding about a provider setting ({@code prices}) points at that setting. */
    private static Diagnostic diagnostic(ProviderDiagnostic d, String provider, Config config) {
        SourceRange at = SourceRange.NONE;
        if (config != null && !d.path().isEmpty() && d.path().get(0) instanceof String setting) {
            at = config.provider(provider).map(pc -> pc.ranges().get(setting)).orElse(SourceRange.NONE);
        }
        return new Diagnostic(d.severity(), d.summary(), d.detail(), at == null ? SourceRange.NONE : at);
    }

    /** What the recorded state and the configuration say the object refers to. */
    private static List<ResourceAddr> upstream(ResourceState rs, ResourceConfig rc) {
        Set<ResourceAddr> out = new TreeSet<>();
        if (rs != null) {
            for (String dep : rs.dependencies()) {
                ResourceInstanceAddr.parse(dep).ifPresent(a -> out.add(a.resource()));
            }
        }
        if (rc != null) {
            for (Reference ref : ConfigGraph.resourceReferences(rc)) {
                if (ref.kind().equals("resource")) out.add(RunScope.addrOf(ref, ResourceAddr.Mode.MANAGED));
            }
            out.remove(rc.addr());
        }
        return List.copyOf(out);
    }
}
