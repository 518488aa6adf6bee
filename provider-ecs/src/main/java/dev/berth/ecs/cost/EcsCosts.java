package dev.berth.ecs.cost;

import dev.berth.ecs.schema.ContainerInstanceSchema;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.engine.provider.CostRequests.CostItem;
import dev.berth.engine.provider.CostRequests.CostRequest;
import dev.berth.engine.provider.CostRequests.CostResponse;
import dev.berth.engine.provider.CostRequests.CostSubject;
import dev.berth.engine.provider.ProviderDiagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * The ecs provider's answer to "what does this plan cost": FARGATE services by their tasks'
 * size, container instances by their EC2 instance type, nothing else (clusters and task
 * definitions are free). Pure but for {@code lookup}, which reads a task definition the plan
 * does not hold from the control plane.
 */
public final class EcsCosts {
    /** The provider setting that names a price list file; a bad file is reported against it. */
    public static final String PRICES_SETTING = "prices";

    private final PriceBook prices;
    private final TaskDefinitionSizes.Lookup lookup;

    public EcsCosts(PriceBook prices, TaskDefinitionSizes.Lookup lookup) {
        this.prices = prices;
        this.lookup = lookup;
    }

    public CostResponse estimate(CostRequest request) {
        PriceList list;
        try {
            list = prices.get();
        } catch (PriceListException e) {
            return new CostResponse(List.of(), List.of(ProviderDiagnostic.error(e.summary(), e.detail(), PRICES_SETTING)));
        }
        List<CostSubject> subjects = request.subjects();
        // Only a service is sized by its task definition: a plan without one (10,000 task
        // definitions, say) need not index every revision twice.
        boolean services = subjects.stream().anyMatch(s -> s.type().equals(ServiceSchema.TYPE));
        PlanSide before = services ? PlanSide.of(subjects, CostSubject::before) : null;
        PlanSide after = services ? PlanSide.of(subjects, CostSubject::after) : null;
        List<CostItem> items = new ArrayList<>();
        for (CostSubject s : subjects) {
            switch (s.type()) {
                case ServiceSchema.TYPE -> items.add(ServicePricing.price(s, before, after, list, lookup));
                case ContainerInstanceSchema.TYPE -> items.add(InstancePricing.price(s, list));
                default -> {
                    // Clusters and task definitions cost nothing by themselves.
                }
            }
        }
        return new CostResponse(items, List.of());
    }
}
