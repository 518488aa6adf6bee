package dev.berth.ecs.resource;

import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.Upstream;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;

import java.util.List;

/** One resource type of the provider; the provider only dispatches to these by type name. */
public interface EcsResource {
    ResourceSchema schema();

    List<ProviderDiagnostic> validate(MapValue config);

    PlanResponse plan(MapValue prior, MapValue config);

    /** Planning with the planned values of what the configuration refers to; most types need none. */
    default PlanResponse plan(MapValue prior, MapValue config, List<Upstream> upstream) {
        return plan(prior, config);
    }

    /**
     * Create (prior null), update or delete (planned null). A create's {@code clientToken} (null
     * when the caller recorded none) is kept with the object before the object is made.
     */
    ApplyResponse apply(MapValue prior, MapValue planned, MapValue config, String clientToken);

    ReadResponse read(MapValue current);

    /** What {@link #read} answers for each, in order; a type that can read many at once does. */
    default List<ReadResponse> readAll(List<MapValue> currents) {
        return currents.stream().map(this::read).toList();
    }

    ImportResponse importState(String id);
}
