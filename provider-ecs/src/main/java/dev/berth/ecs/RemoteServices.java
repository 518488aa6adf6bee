package dev.berth.ecs;

import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.service.ServiceValidator;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ecs_service} when the provider is a client of a berth server: checked as always, but
 * neither planned nor applied, because a service's plan shows its placement, which the
 * scheduler computes from the control plane's store, and that store is the server's. Said in
 * one sentence rather than planned without placement.
 */
final class RemoteServices implements EcsResource {
    private final String endpoint;

    RemoteServices(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public ResourceSchema schema() {
        return ServiceSchema.schema();
    }

    @Override
    public List<ProviderDiagnostic> validate(MapValue config) {
        return ServiceValidator.validate(config);
    }

    @Override
    public PlanResponse plan(MapValue prior, MapValue config) {
        List<ProviderDiagnostic> diags = new ArrayList<>(validate(config));
        diags.add(refusal());
        return new PlanResponse(null, diags);
    }

    @Override
    public ApplyResponse apply(MapValue prior, MapValue planned, MapValue config, String clientToken) {
        return new ApplyResponse(prior, List.of(refusal()));
    }

    @Override
    public ReadResponse read(MapValue current) {
        return new ReadResponse(current, List.of(refusal()));
    }

    @Override
    public ImportResponse importState(String id) {
        return new ImportResponse(null, List.of(refusal()));
    }

    private ProviderDiagnostic refusal() {
        return ProviderDiagnostic.error("ecs_service cannot be managed through a berth server yet",
                "With provider \"ecs\" { endpoint = \"" + endpoint + "\" } clusters, task definitions, container "
                        + "instances and data sources go through the server, but a service's plan places its tasks "
                        + "from the control plane's own store. Point this configuration at the server's store instead "
                        + "(provider \"ecs\" { store = \"PATH\" } or BERTH_ECS_STORE) and leave endpoint out.");
    }
}
