package dev.berth.engine.provider;

import dev.berth.engine.addrs.ResourceInstanceAddr;
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

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A provider as the engine calls it: an exception thrown by a call (a bug in the provider)
 * comes back as an error diagnostic on the resource, in one sentence with the place it was
 * thrown, so the run reports it beside the other errors instead of a Java stack trace.
 */
final class GuardedProvider implements Provider {
    private final Provider inner;

    GuardedProvider(Provider inner) {
        this.inner = inner;
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

    @Override
    public Map<String, ResourceSchema> dataSourceSchemas() {
        return inner.dataSourceSchemas();
    }

    @Override
    public ReadDataSourceResponse readDataSource(ReadDataSourceRequest r) {
        try {
            return inner.readDataSource(r);
        } catch (RuntimeException e) {
            return new ReadDataSourceResponse(null, failed("reading", r.addr(), e));
        }
    }

    @Override
    public ValidateResponse validate(ValidateRequest r) {
        try {
            return inner.validate(r);
        } catch (RuntimeException e) {
            return new ValidateResponse(failed("validating", r.addr(), e));
        }
    }

    @Override
    public PlanResponse plan(PlanRequest r) {
        try {
            return inner.plan(r);
        } catch (RuntimeException e) {
            return new PlanResponse(null, failed("planning", r.addr(), e));
        }
    }

    /** On failure nothing is known about what the call did, so the prior object is kept. */
    @Override
    public ApplyResponse apply(ApplyRequest r) {
        try {
            return inner.apply(r);
        } catch (RuntimeException e) {
            return new ApplyResponse(r.prior(), failed(r.planned() == null ? "destroying" : "applying", r.addr(), e));
        }
    }

    @Override
    public ReadResponse read(ReadRequest r) {
        try {
            return inner.read(r);
        } catch (RuntimeException e) {
            MapValue current = r.current();
            return new ReadResponse(current, failed("reading", r.addr(), e));
        }
    }

    /** A batch that fails (or answers for the wrong number of objects) is read again one by one, each guarded. */
    @Override
    public List<ReadResponse> readAll(List<ReadRequest> requests) {
        try {
            List<ReadResponse> out = inner.readAll(requests);
            if (out != null && out.size() == requests.size() && !out.contains(null)) return out;
        } catch (RuntimeException e) {
            // each read below reports its own failure, naming its object
        }
        return requests.stream().map(this::read).toList();
    }

    @Override
    public ImportResponse importState(ImportRequest r) {
        try {
            return inner.importState(r);
        } catch (RuntimeException e) {
            return new ImportResponse(null, failed("importing", r.addr(), e));
        }
    }

    /** An ordering the provider cannot tell is no ordering; references still order the apply. */
    @Override
    public ImplicitOrder implicitOrder(String type, MapValue value) {
        try {
            ImplicitOrder order = inner.implicitOrder(type, value);
            return order == null ? ImplicitOrder.NONE : order;
        } catch (RuntimeException e) {
            return ImplicitOrder.NONE;
        }
    }

    @Override
    public FindResponse find(FindRequest r) {
        try {
            return inner.find(r);
        } catch (RuntimeException e) {
            return new FindResponse(null, failed("looking up what a create left of", r.addr(), e));
        }
    }

    /** A pricing bug leaves the plan intact: one warning, and nothing of this provider priced. */
    @Override
    public CostRequests.CostResponse estimateCost(CostRequests.CostRequest r) {
        try {
            return inner.estimateCost(r);
        } catch (RuntimeException e) {
            String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new CostRequests.CostResponse(List.of(), List.of(ProviderDiagnostic.warning("The " + name()
                    + " provider failed unexpectedly while pricing the plan (" + what + ").",
                    "The cost section leaves this provider's objects out. This is a bug in the provider; "
                            + "please report it.")));
        }
    }

    @Override
    public void close() {
        inner.close();
    }


    private List<ProviderDiagnostic> failed(String doing, ResourceInstanceAddr addr, RuntimeException e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        String where = Arrays.stream(e.getStackTrace()).findFirst()
                .map(f -> " in " + f.getFileName() + ":" + f.getLineNumber()).orElse("");
        return List.of(ProviderDiagnostic.error("The " + name() + " provider failed unexpectedly while " + doing + " "
                + addr + " (" + what + where + ").", "This is a bug in the provider; please report it with the "
                + "configuration that caused it."));
    }
}
