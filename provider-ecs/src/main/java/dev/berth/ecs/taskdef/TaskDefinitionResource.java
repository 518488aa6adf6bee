package dev.berth.ecs.taskdef;

import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ForceNew;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.ecs.store.EcsStore;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.berth.ecs.schema.TaskDefinitionSchema.ARN;
import static dev.berth.ecs.schema.TaskDefinitionSchema.ARN_WITHOUT_REVISION;
import static dev.berth.ecs.schema.TaskDefinitionSchema.CONTAINER;
import static dev.berth.ecs.schema.TaskDefinitionSchema.CONTAINER_DEFINITIONS;
import static dev.berth.ecs.schema.TaskDefinitionSchema.CPU;
import static dev.berth.ecs.schema.TaskDefinitionSchema.EXECUTION_ROLE_ARN;
import static dev.berth.ecs.schema.TaskDefinitionSchema.FAMILY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.ID;
import static dev.berth.ecs.schema.TaskDefinitionSchema.MEMORY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.NETWORK_MODE;
import static dev.berth.ecs.schema.TaskDefinitionSchema.REQUIRES_COMPATIBILITIES;
import static dev.berth.ecs.schema.TaskDefinitionSchema.REVISION;
import static dev.berth.ecs.schema.TaskDefinitionSchema.TASK_ROLE_ARN;

/**
 * {@code ecs_task_definition}: every content change registers a new revision (a replacement);
 * a change of form only (JSON to blocks with the same containers) is an in-place state update.
 */
public final class TaskDefinitionResource implements EcsResource {
    private final TaskDefinitionRegistry registry;

    public TaskDefinitionResource(EcsStore store) {
        this.registry = new TaskDefinitionRegistry(store);
    }

    @Override
    public ResourceSchema schema() {
        return TaskDefinitionSchema.schema();
    }

    @Override
    public List<ProviderDiagnostic> validate(MapValue config) {
        return TaskDefinitionValidator.validate(config);
    }

    @Override
    public PlanResponse plan(MapValue prior, MapValue config) {
        List<ProviderDiagnostic> diags = validate(config);
        MapValue planned = TaskDefinitionNormaliser.normalise(config);
        // The schema's force-new marks say whether this is a new revision; only then is its identity unknown.
        boolean sameRevision = prior != null && ForceNew.changedPaths(schema().body(), prior, planned).isEmpty();
        return new PlanResponse(withIdentity(planned, sameRevision ? prior : null), diags);
    }

    /** Fills revision, arn and id from the prior revision, or unknown when a new one is coming. */
    private static MapValue withIdentity(MapValue planned, MapValue keep) {
        String family = Attrs.string(planned, FAMILY);
        Map<String, Value> ids = new HashMap<>();
        ids.put(ARN_WITHOUT_REVISION, Attrs.unknown(planned, FAMILY) || family == null
                ? Value.unknown() : Value.of(EcsArn.taskDefinitionFamily(family)));
        for (String k : List.of(REVISION, ARN, ID)) ids.put(k, keep == null ? Value.unknown() : keep.get(k));
        return Attrs.with(planned, ids);
    }

    @Override
    public ApplyResponse apply(MapValue prior, MapValue planned, MapValue config, String clientToken) {
        if (planned == null) {
            registry.deregister(Attrs.string(prior, ARN));
            return new ApplyResponse(null, List.of());
        }
        if (prior != null && planned.isWhollyKnown()) {
            // Same content in a new form: nothing to register, only the state changes.
            return new ApplyResponse(planned, List.of());
        }
        List<ProviderDiagnostic> diags = validate(config);
        MapValue state = TaskDefinitionNormaliser.normalise(config);
        if (Diags.hasErrors(diags) || !state.isWhollyKnown()) {
            if (!Diags.hasErrors(diags)) {
                diags = List.of(ProviderDiagnostic.error("The task definition still has unknown values at apply.", null));
            }
            return new ApplyResponse(prior, diags);
        }
        TaskDefinitionRow row = registry.register(Attrs.string(state, FAMILY), Attrs.string(state, CPU),
                Attrs.string(state, MEMORY), Attrs.string(state, NETWORK_MODE),
                Attrs.strings(Attrs.raw(state, REQUIRES_COMPATIBILITIES)), Attrs.string(state, EXECUTION_ROLE_ARN),
                Attrs.string(state, TASK_ROLE_ARN), Attrs.string(state, CONTAINER_DEFINITIONS), clientToken);
        return new ApplyResponse(identify(state, row), diags);
    }

    @Override
    public ReadResponse read(MapValue current) {
        Optional<TaskDefinitionRow> row = registry.find(Attrs.string(current, ARN));
        // A deregistered revision is gone for good: the next plan registers a new one.
        if (row.isEmpty() || !row.get().active()) return new ReadResponse(null, List.of());
        return new ReadResponse(stateOf(row.get(), current.get(CONTAINER)), List.of());
    }

    @Override
    public ImportResponse importState(String id) {
        Optional<TaskDefinitionRow> row = TaskDefinitionRegistry.wellFormed(id) ? registry.resolve(id) : Optional.empty();
        if (row.isEmpty()) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error("Task definition \"" + id
                    + "\" is not registered; import by ARN or family:revision.", null)));
        }
        return new ImportResponse(stateOf(row.get(), Value.list(List.of())), List.of());
    }

    private static MapValue identify(MapValue state, TaskDefinitionRow row) {
        return Attrs.with(state, Map.of(REVISION, Value.of(row.revision()), ARN, Value.of(row.arn()),
                ID, Value.of(row.family() + ":" + row.revision()),
                ARN_WITHOUT_REVISION, Value.of(EcsArn.taskDefinitionFamily(row.family()))));
    }

    /** The state of a registered revision; {@code blocks} keeps the block form the user wrote, if any. */
    static MapValue stateOf(TaskDefinitionRow row, Value blocks) {
        Map<String, Value> m = new HashMap<>();
        m.put(FAMILY, Value.of(row.family()));
        m.put(CPU, Value.of(row.cpu()));
        m.put(MEMORY, Value.of(row.memory()));
        m.put(NETWORK_MODE, Value.of(row.networkMode()));
        m.put(REQUIRES_COMPATIBILITIES, row.requiresCompatibilities() == null ? Value.nil()
                : Attrs.ofStrings(row.requiresCompatibilities()));
        m.put(EXECUTION_ROLE_ARN, Value.of(row.executionRoleArn()));
        m.put(TASK_ROLE_ARN, Value.of(row.taskRoleArn()));
        m.put(CONTAINER_DEFINITIONS, Value.of(row.containerDefinitions()));
        m.put(CONTAINER, blocks.isNull() ? Value.list(List.of()) : blocks);
        return identify(new MapValue(m), row);
    }
}
