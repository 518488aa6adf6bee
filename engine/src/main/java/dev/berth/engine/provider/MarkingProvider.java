package dev.berth.engine.provider;

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
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.Secrets;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;

/**
 * The one place where sensitive markings cross the provider boundary, whoever calls the provider
 * (planner, applier, refresh, import, the agent). The provider sees plain values; what it returns
 * is marked again by {@link ProviderMarks}, and its messages have the request's secrets taken out,
 * because a provider quoting a value it was given does not know that value is secret.
 */
public final class MarkingProvider implements Provider {
    private final Provider inner;

    private MarkingProvider(Provider inner) {
        this.inner = inner;
    }

    /** The provider behind marking; wrapping twice changes nothing. */
    public static Provider of(Provider p) {
        return p instanceof MarkingProvider ? p : new MarkingProvider(p);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String fullName() {
        return inner.fullName();
    }

    @Override
    public Map<String, ResourceSchema> resourceSchemas() {
        return inner.resourceSchemas();
    }

    private ResourceSchema schema(String type) {
        return inner.resourceSchemas().get(type);
    }

    @Override
    public Map<String, ResourceSchema> dataSourceSchemas() {
        return inner.dataSourceSchemas();
    }

    /** As for a resource: the schema's sensitive attributes and what the configuration marked stay marked. */
    @Override
    public ReadDataSourceResponse readDataSource(ReadDataSourceRequest r) {
        ReadDataSourceResponse out = inner.readDataSource(new ReadDataSourceRequest(r.addr(), r.type(),
                plain(r.config())));
        MapValue state = ProviderMarks.carry(out.state(), inner.dataSourceSchemas().get(r.type()),
                List.of(r.config()), null, r.config());
        return new ReadDataSourceResponse(state, redact(out.diagnostics(), () -> Secrets.in(r.config())));
    }

    @Override
    public ValidateResponse validate(ValidateRequest r) {
        ValidateResponse out = inner.validate(new ValidateRequest(r.addr(), r.type(), plain(r.config())));
        return new ValidateResponse(redact(out.diagnostics(), () -> Secrets.in(r.config())));
    }

    @Override
    public PlanResponse plan(PlanRequest r) {
        List<ProviderRequests.Upstream> upstream = r.upstream().stream()
                .map(u -> new ProviderRequests.Upstream(u.addr(), plain(u.value()))).toList();
        PlanResponse out = inner.plan(new PlanRequest(r.addr(), r.type(), plain(r.prior()), plain(r.config()),
                upstream));
        Supplier<Secrets> secrets = once(() -> {
            List<Value> seen = new java.util.ArrayList<>(Arrays.asList(r.prior(), r.config()));
            r.upstream().forEach(u -> seen.add(u.value()));
            return Secrets.in(seen.toArray(Value[]::new));
        });
        MapValue planned = ProviderMarks.carry(out.planned(), schema(r.type()), List.of(r.config()), r.prior(),
                r.config());
        List<String> notes = out.notes().stream().map(n -> secrets.get().redact(n)).toList();
        return new PlanResponse(planned, redact(out.diagnostics(), secrets), notes,
                out.summary() == null ? null : secrets.get().redact(out.summary()), out.fromRequestAlone());
    }

    @Override
    public ApplyResponse apply(ApplyRequest r) {
        ApplyResponse out = inner.apply(new ApplyRequest(r.addr(), r.type(), plain(r.prior()), plain(r.planned()),
                plain(r.config()), r.clientToken()));
        MapValue state = ProviderMarks.carry(out.newState(), schema(r.type()),
                Arrays.asList(r.planned(), r.config()), r.prior(), r.config());
        return new ApplyResponse(state, redact(out.diagnostics(),
                () -> Secrets.in(r.prior(), r.planned(), r.config())));
    }

    @Override
    public ReadResponse read(ReadRequest r) {
        ReadResponse out = inner.read(new ReadRequest(r.addr(), r.type(), plain(r.current())));
        MapValue state = ProviderMarks.carry(out.state(), schema(r.type()), List.of(), r.current(), null);
        return new ReadResponse(state, redact(out.diagnostics(), () -> Secrets.in(r.current())));
    }

    @Override
    public List<ReadResponse> readAll(List<ReadRequest> requests) {
        List<ReadResponse> out = inner.readAll(requests.stream()
                .map(r -> new ReadRequest(r.addr(), r.type(), plain(r.current()))).toList());
        List<ReadResponse> marked = new java.util.ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            ReadRequest r = requests.get(i);
            ReadResponse o = out.get(i);
            marked.add(o == null ? null : new ReadResponse(ProviderMarks.carry(o.state(), schema(r.type()), List.of(),
                    r.current(), null), redact(o.diagnostics(), () -> Secrets.in(r.current()))));
        }
        return marked;
    }

    @Override
    public ImportResponse importState(ImportRequest r) {
        ImportResponse out = inner.importState(r);
        return new ImportResponse(ProviderMarks.carry(out.state(), schema(r.type()), List.of(), null, null),
                out.diagnostics());
    }

    /** What a killed create made carries no marks of its own: the schema's sensitive attributes get them. */
    @Override
    public FindResponse find(FindRequest r) {
        FindResponse out = inner.find(r);
        return new FindResponse(ProviderMarks.carry(out.state(), schema(r.type()), List.of(), null, null),
                out.diagnostics());
    }

    @Override
    public ImplicitOrder implicitOrder(String type, MapValue value) {
        return inner.implicitOrder(type, plain(value));
    }

    /**
     * Prices plain values; a description that quotes a value it was given is redacted, though
     * only when there is something to redact, since a plan may hold many thousands of objects.
     */
    @Override
    public CostRequests.CostResponse estimateCost(CostRequests.CostRequest r) {
        // An object the plan leaves alone is priced with one value before and after: stripped once.
        List<CostRequests.CostSubject> plainSubjects = r.subjects().stream().map(s -> {
            MapValue before = plain(s.before());
            return new CostRequests.CostSubject(s.addr(), s.type(), before,
                    s.after() == s.before() ? before : plain(s.after()), s.upstream());
        }).toList();
        CostRequests.CostResponse out = inner.estimateCost(new CostRequests.CostRequest(plainSubjects));
        if (out.items().isEmpty() && out.diagnostics().isEmpty()) return out;
        List<Value> seen = new java.util.ArrayList<>();
        r.subjects().forEach(s -> {
            if (s.before() != null) seen.add(s.before());
            if (s.after() != null) seen.add(s.after());
        });
        Secrets secrets = Secrets.in(seen.toArray(Value[]::new));
        if (secrets.isEmpty()) return out;
        List<CostRequests.CostItem> items = out.items().stream().map(i -> new CostRequests.CostItem(i.addr(),
                i.before(), i.after(), secrets.redact(i.description()))).toList();
        return new CostRequests.CostResponse(items, redact(out.diagnostics(), () -> secrets));
    }

    @Override
    public void close() {
        inner.close();
    }

    private static MapValue plain(MapValue v) {
        return v == null ? null : (MapValue) v.unmarked();
    }

    /**
     * The messages with the request's secrets taken out. The secrets are gathered only when there
     * is a message: walking every value of every request for them cost a plan of 10,000 objects
     * more than anything it redacted.
     */
    private static List<ProviderDiagnostic> redact(List<ProviderDiagnostic> found, Supplier<Secrets> gather) {
        if (found.isEmpty()) return found;
        Secrets secrets = gather.get();
        if (secrets.isEmpty()) return found;
        return found.stream().map(d -> new ProviderDiagnostic(d.severity(), secrets.redact(d.summary()),
                secrets.redact(d.detail()), d.path())).toList();
    }

    /** The supplier's value, worked out at the first get and kept. */
    private static <T> Supplier<T> once(Supplier<T> work) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) value = work.get();
                return value;
            }
        };
    }
}
