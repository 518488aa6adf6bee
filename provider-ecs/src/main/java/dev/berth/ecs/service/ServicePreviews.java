package dev.berth.ecs.service;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.PlacementPreview;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.placement.PlannedPlacements;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.taskdef.PlannedRevision;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.Upstream;
import dev.berth.engine.value.MapValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.LAUNCH_TYPE;
import static dev.berth.ecs.schema.ServiceSchema.NAME;
import static dev.berth.ecs.schema.ServiceSchema.TASKS;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/**
 * The placement part of planning a service: the plan asks the control plane for a dry run of
 * the CreateService or UpdateService that apply would send, and the control plane answers where
 * the tasks would go, or ECS's sentence for why they cannot go anywhere; nothing changes. EC2
 * placement is printed as notes under the change; for FARGATE only a failure shows (the
 * account's vCPU quota), as an error on desired_count.
 */
final class ServicePreviews {
    private final EcsApi api;
    private final PlannedPlacements planned = new PlannedPlacements();

    ServicePreviews(EcsApi api) {
        this.api = api;
    }

    /** {@code prior}: the service this plan updates; null for a new one or a replacement. */
    PlanResponse extend(MapValue prior, MapValue config, PlanResponse base, List<Upstream> upstream) {
        if (Diags.hasErrors(base.diagnostics())) return base;
        boolean fargate = !"EC2".equals(Attrs.string(base.planned(), LAUNCH_TYPE));
        boolean changing = !base.planned().get(TASKS).isWhollyKnown();
        if (!changing) return base;
        List<String> notes = new ArrayList<>();
        List<ProviderDiagnostic> diags = new ArrayList<>(base.diagnostics());
        Optional<PlacementPreview> p = ask(prior, config, upstream);
        if (p.isEmpty()) {
            if (!fargate) notes.add(PlacementPlanning.DECIDED_AT_APPLY);
            return new PlanResponse(base.planned(), diags, notes);
        }
        PlacementPreview preview = p.get();
        if (preview.notes() != null) notes.addAll(preview.notes());
        if (preview.clusterFingerprint() != null) {
            planned.planned(serviceArn(config), preview.clusterFingerprint());
        }
        if (preview.failure() != null) {
            diags.add(fargate ? ProviderDiagnostic.error(preview.failure(), preview.failureDetail(), DESIRED_COUNT)
                    : ProviderDiagnostic.error(preview.failure(), preview.failureDetail()));
        }
        return new PlanResponse(base.planned(), diags, notes);
    }

    /** Whether the cluster changed since the plan showed its placement (EC2), asked again at apply. */
    boolean changedSincePlan(MapValue prior, MapValue config) {
        Optional<String> before = planned.plannedFingerprint(serviceArn(config));
        if (before.isEmpty()) return false;
        return ask(prior, config, List.of()).map(PlacementPreview::clusterFingerprint)
                .map(now -> !now.equals(before.get())).orElse(false);
    }

    /** The dry run apply's call would be; empty while the configuration is not known enough to ask. */
    private Optional<PlacementPreview> ask(MapValue prior, MapValue config, List<Upstream> upstream) {
        Optional<RegisterTaskDefinitionRequest> revision = Optional.empty();
        if (Attrs.unknown(config, TASK_DEFINITION)) {
            revision = plannedRevision(upstream);
            if (revision.isEmpty()) return Optional.empty();
        }
        if (Attrs.unknown(config, CLUSTER) || Attrs.string(config, CLUSTER) == null || Attrs.unknown(config, NAME)
                || Attrs.number(config, DESIRED_COUNT) == null || !allKnown(config)) {
            return Optional.empty();
        }
        boolean force = prior != null && Boolean.TRUE.equals(Attrs.bool(config.get(Ec2ServiceSchema.FORCE_NEW_DEPLOYMENT)));
        DeployRequest r = SettingsConfig.request(config, force);
        String td = revision.isPresent() ? null : r.taskDefinition();
        try {
            if (prior == null) {
                CreateServiceRequest c = ServiceApiCalls.create(r, null);
                return Optional.ofNullable(api.createService(new CreateServiceRequest(c.cluster(), c.serviceName(), td,
                        c.desiredCount(), null, c.launchType(), c.deploymentConfiguration(), c.placementConstraints(),
                        c.placementStrategy(), null, null, true, revision.orElse(null))).placementPreview());
            }
            UpdateServiceRequest u = ServiceApiCalls.update(r, r.serviceName());
            return Optional.ofNullable(api.updateService(new UpdateServiceRequest(u.cluster(), u.service(),
                    u.desiredCount(), td, u.deploymentConfiguration(), u.placementConstraints(), u.placementStrategy(),
                    u.forceNewDeployment(), true, revision.orElse(null))).placementPreview());
        } catch (EcsException e) {
            // The parameters are checked again, with ECS's words, by apply's call.
            return Optional.empty();
        }
    }

    private static String serviceArn(MapValue config) {
        String cluster = EcsArn.clusterName(Attrs.string(config, CLUSTER)).orElse(Attrs.string(config, CLUSTER));
        return EcsArn.service(cluster, Attrs.string(config, NAME));
    }

    /**
     * The task definition the service refers to has a new revision coming (its ARN is unknown
     * until apply): when the configuration refers to exactly one task definition, its planned
     * value says what the revision's tasks need.
     */
    private static Optional<RegisterTaskDefinitionRequest> plannedRevision(List<Upstream> upstream) {
        List<MapValue> taskDefinitions = upstream.stream()
                .filter(u -> u.addr().type().equals(TaskDefinitionSchema.TYPE)).map(Upstream::value).toList();
        return taskDefinitions.size() == 1 ? PlannedRevision.request(taskDefinitions.get(0)) : Optional.empty();
    }

    /** The placement blocks may hold values known only after apply; then there is nothing to preview yet. */
    private static boolean allKnown(MapValue config) {
        for (String block : List.of(Ec2ServiceSchema.STRATEGY, Ec2ServiceSchema.CONSTRAINTS,
                Ec2ServiceSchema.CIRCUIT_BREAKER, Ec2ServiceSchema.MIN_HEALTHY, Ec2ServiceSchema.MAX_PERCENT)) {
            if (!Attrs.raw(config, block).isWhollyKnown()) return false;
        }
        return true;
    }

}
