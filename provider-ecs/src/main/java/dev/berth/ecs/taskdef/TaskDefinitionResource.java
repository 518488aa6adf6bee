package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionBatch;
import dev.berth.ecs.api.TaskDefinitionCalls.DeregisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionResponse;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.resource.ResourceTags;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.secret.SecretResolver;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ForceNew;
import dev.berth.engine.provider.KeptOnUpdate;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
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
import static dev.berth.ecs.schema.TaskDefinitionSchema.SKIP_DESTROY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.TAGS;
import static dev.berth.ecs.schema.TaskDefinitionSchema.TASK_ROLE_ARN;
import static dev.berth.ecs.schema.TaskDefinitionSchema.TRACK_LATEST;

/**
 * {@code ecs_task_definition}: every content change registers a new revision (a replacement);
 * a change of form only (JSON to blocks with the same containers) is an in-place state update.
 * A client of the control plane: RegisterTaskDefinition, DescribeTaskDefinition (refresh; a
 * revision deregistered by another client reads as gone) and DeregisterTaskDefinition.
 */
public final class TaskDefinitionResource implements EcsResource {
    private static final TypeReference<List<Map<String, Object>>> CONTAINERS = new TypeReference<>() {
    };

    private final EcsApi api;
    private final SecretResolver secrets;
    private final TaskDefinitionBatch batch;

    /** Plans without checking that containers' secrets exist (their store is elsewhere, e.g. a server's). */
    public TaskDefinitionResource(EcsApi api) {
        this(api, null);
    }

    /** {@code secrets}: the store a plan checks containers' secrets against. */
    public TaskDefinitionResource(EcsApi api, SecretResolver secrets) {
        this(api, secrets, TaskDefinitionBatch.oneByOne(api));
    }

    /** {@code batch}: how a refresh describes many revisions at once (the control plane in this process: one read). */
    public TaskDefinitionResource(EcsApi api, SecretResolver secrets, TaskDefinitionBatch batch) {
        this.api = api;
        this.secrets = secrets;
        this.batch = batch;
    }

    @Override
    public ResourceSchema schema() {
        return TaskDefinitionSchema.schema();
    }

    @Override
    public List<ProviderDiagnostic> validate(MapValue config) {
        List<ProviderDiagnostic> out = new java.util.ArrayList<>(TaskDefinitionValidator.validate(config));
        // ECS registers any valueFrom and fails the task at start; a configuration is checked sooner.
        ContainerSource source = ContainerSource.of(config);
        if (source.containers() != null) out.addAll(SecretChecks.form(source));
        return out;
    }

    @Override
    public PlanResponse plan(MapValue prior, MapValue config) {
        // The engine validated this configuration just before (Provider.plan), so it is not checked
        // twice. A secret deleted since still fails the task at start, with ECS's reason; this
        // catches the common case early.
        ContainerSource source = ContainerSource.of(config);
        List<ProviderDiagnostic> diags = new java.util.ArrayList<>(SecretChecks.present(source, secrets));
        MapValue planned = TaskDefinitionNormaliser.normalise(config);
        // The schema's force-new marks say whether this is a new revision; only then is its identity unknown.
        boolean sameRevision = prior != null && ForceNew.changedPaths(schema().body(), prior, planned).isEmpty();
        MapValue identified = withIdentity(planned);
        PlanResponse out = new PlanResponse(sameRevision ? KeptOnUpdate.apply(schema(), prior, identified) : identified,
                diags);
        // Without secrets to look up, nothing but the request went into the answer.
        return SecretChecks.asksStore(source, secrets) ? out : out.asFromRequestAlone();
    }

    /** Revision, arn and id are unknown until registered; the schema marks them kept on update. */
    private static MapValue withIdentity(MapValue planned) {
        String family = Attrs.string(planned, FAMILY);
        Map<String, Value> ids = new HashMap<>();
        ids.put(ARN_WITHOUT_REVISION, Attrs.unknown(planned, FAMILY) || family == null
                ? Value.unknown() : Value.of(EcsArn.taskDefinitionFamily(family)));
        for (String k : List.of(REVISION, ARN, ID)) ids.put(k, Value.unknown());
        return Attrs.with(planned, ids);
    }

    @Override
    public ApplyResponse apply(MapValue prior, MapValue planned, MapValue config, String clientToken) {
        if (planned == null) {
            // skip_destroy: the revision outlives the resource, as terraform-provider-aws keeps it.
            if (Boolean.TRUE.equals(Attrs.bool(Attrs.raw(prior, SKIP_DESTROY)))) return new ApplyResponse(null, List.of());
            try {
                api.deregisterTaskDefinition(new DeregisterTaskDefinitionRequest(Attrs.string(prior, ARN)));
            } catch (EcsException e) {
                // Already gone (deregistered revisions stay, so only a revision never made): nothing to do.
                if (!e.getMessage().equals("The specified task definition does not exist.")) {
                    return new ApplyResponse(prior, List.of(Diags.of(e, "DeregisterTaskDefinition")));
                }
            }
            return new ApplyResponse(null, List.of());
        }
        if (prior != null && planned.isWhollyKnown()) {
            // Same content (perhaps in a new form): nothing to register; tags change in place.
            try {
                new ResourceTags(api).converge(Attrs.string(prior, ARN), tags(prior), tags(planned));
            } catch (EcsException e) {
                return new ApplyResponse(prior, List.of(Diags.of(e, "TagResource")));
            }
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
        try {
            TaskDefinition td = api.registerTaskDefinition(request(state, clientToken)).taskDefinition();
            return new ApplyResponse(identify(state, td), diags);
        } catch (EcsException e) {
            return new ApplyResponse(prior, List.of(Diags.of(e, "RegisterTaskDefinition")));
        }
    }

    @SuppressWarnings("unchecked")
    private static RegisterTaskDefinitionRequest request(MapValue state, String clientToken) {
        ObjectNode t = TaskLevelConfig.json(state);
        return new RegisterTaskDefinitionRequest(Attrs.string(state, FAMILY), Attrs.string(state, TASK_ROLE_ARN),
                Attrs.string(state, EXECUTION_ROLE_ARN), Attrs.string(state, NETWORK_MODE),
                containers(Attrs.string(state, CONTAINER_DEFINITIONS)), TaskLevelConfig.get(t, "volumes", List.class),
                Attrs.strings(Attrs.raw(state, REQUIRES_COMPATIBILITIES)), Attrs.string(state, CPU),
                Attrs.string(state, MEMORY), tags(state).isEmpty() ? null : ResourceTags.list(tags(state)), clientToken,
                TaskLevelConfig.get(t, "placementConstraints", List.class),
                TaskLevelConfig.get(t, "pidMode", String.class), TaskLevelConfig.get(t, "ipcMode", String.class),
                TaskLevelConfig.get(t, "proxyConfiguration", Map.class),
                TaskLevelConfig.get(t, "inferenceAccelerators", List.class),
                TaskLevelConfig.get(t, "ephemeralStorage", Map.class), TaskLevelConfig.get(t, "runtimePlatform", Map.class),
                TaskLevelConfig.get(t, "enableFaultInjection", Boolean.class));
    }

    private static List<Map<String, Object>> containers(String canonical) {
        try {
            return Json.MAPPER.readValue(canonical, CONTAINERS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("canonical container definitions do not parse", e);
        }
    }

    @Override
    public ReadResponse read(MapValue current) {
        try {
            return readBack(current, describe(ref(current)));
        } catch (EcsException e) {
            return new ReadResponse(current, List.of(Diags.of(e, "DescribeTaskDefinition")));
        }
    }

    /** A refresh's revisions described at once; when that fails, each is read alone and reports its own failure. */
    @Override
    public List<ReadResponse> readAll(List<MapValue> currents) {
        List<String> refs = new java.util.ArrayList<>();
        for (MapValue current : currents) {
            String ref = ref(current);
            if (ref != null) refs.add(ref);
        }
        List<DescribeTaskDefinitionResponse> found;
        try {
            found = batch.describeTaskDefinitions(refs);
        } catch (EcsException e) {
            return EcsResource.super.readAll(currents);
        }
        List<ReadResponse> out = new java.util.ArrayList<>(currents.size());
        int next = 0;
        for (MapValue current : currents) {
            DescribeTaskDefinitionResponse r = ref(current) == null ? null : found.get(next++);
            out.add(readBack(current, r == null ? Optional.empty()
                    : Optional.of(new Described(r.taskDefinition(), ResourceTags.map(r.tags())))));
        }
        return out;
    }

    /** What a refresh reads: the revision itself, or with track_latest the family's latest ACTIVE one, whoever registered it. */
    private static String ref(MapValue current) {
        boolean trackLatest = Boolean.TRUE.equals(Attrs.bool(Attrs.raw(current, TRACK_LATEST)));
        return Attrs.string(current, trackLatest ? FAMILY : ARN);
    }

    private static ReadResponse readBack(MapValue current, Optional<Described> td) {
        // A deregistered revision is gone for good: the next plan registers a new one.
        if (td.isEmpty() || !"ACTIVE".equals(td.get().td().status())) return new ReadResponse(null, List.of());
        return new ReadResponse(Attrs.with(stateOf(td.get(), current.get(CONTAINER),
                Attrs.raw(current, CONTAINER_DEFINITIONS)), Map.of(
                SKIP_DESTROY, TaskLevelConfig.flag(current, SKIP_DESTROY),
                TRACK_LATEST, TaskLevelConfig.flag(current, TRACK_LATEST))), List.of());
    }

    /** The revision, or empty when ECS cannot describe it. */
    /** A revision as DescribeTaskDefinition gives it, with its tags. */
    record Described(TaskDefinition td, Map<String, String> tags) {
    }

    private Optional<Described> describe(String ref) {
        if (ref == null) return Optional.empty();
        try {
            DescribeTaskDefinitionResponse r = api.describeTaskDefinition(new DescribeTaskDefinitionRequest(ref,
                    List.of("TAGS")));
            return Optional.of(new Described(r.taskDefinition(), ResourceTags.map(r.tags())));
        } catch (EcsException e) {
            if (e.getMessage().equals(TaskDefinitionBatch.UNABLE)) return Optional.empty();
            throw e;
        }
    }

    @Override
    public ImportResponse importState(String id) {
        Optional<Described> td;
        try {
            td = TaskDefinitionRegistry.wellFormed(id) ? describe(id) : Optional.empty();
        } catch (EcsException e) {
            return new ImportResponse(null, List.of(Diags.of(e, "DescribeTaskDefinition")));
        }
        if (td.isEmpty()) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error("Task definition \"" + id
                    + "\" is not registered; import by ARN or family:revision.", null)));
        }
        return new ImportResponse(stateOf(td.get(), Value.list(List.of()), null), List.of());
    }

    private static MapValue identify(MapValue state, TaskDefinition td) {
        return Attrs.with(state, identity(td));
    }

    /** What registering gave the revision: its number, ARNs and id. */
    private static Map<String, Value> identity(TaskDefinition td) {
        return Map.of(REVISION, Value.of(td.revision()), ARN, Value.of(td.taskDefinitionArn()),
                ID, Value.of(td.family() + ":" + td.revision()),
                ARN_WITHOUT_REVISION, Value.of(EcsArn.taskDefinitionFamily(td.family())));
    }

    /**
     * The state of a registered revision; {@code blocks} keeps the block form the user wrote, if
     * any. {@code known} is the canonical container JSON the state already holds (or null): the
     * registry stores the canonical form, so a revision read back unchanged answers with the
     * very same text, and canonicalising it again (a parse, a walk of every field and a write
     * per resource on every refresh) would give that text once more.
     */
    static MapValue stateOf(Described described, Value blocks, Value known) {
        TaskDefinition td = described.td();
        Map<String, Value> m = new HashMap<>();
        m.put(FAMILY, Value.of(td.family()));
        m.put(CPU, text(td.cpu()));
        m.put(MEMORY, text(td.memory()));
        m.put(NETWORK_MODE, text(td.networkMode()));
        m.put(REQUIRES_COMPATIBILITIES, td.requiresCompatibilities() == null ? Value.nil()
                : Attrs.ofStrings(td.requiresCompatibilities()));
        m.put(EXECUTION_ROLE_ARN, text(td.executionRoleArn()));
        m.put(TASK_ROLE_ARN, text(td.taskRoleArn()));
        String stored = Json.write(td.containerDefinitions());
        // The state's own value when the text is the same: no second string of it to make and normalise.
        m.put(CONTAINER_DEFINITIONS, known instanceof StringValue s && s.value().equals(stored) ? known
                : Value.of(ContainerDefinitionsJson.canonical(ContainerDefinitionsJson.parse(stored).containers(),
                td.networkMode())));
        m.put(CONTAINER, blocks.isNull() ? Value.list(List.of()) : blocks);
        m.putAll(TaskLevelConfig.state(td));
        m.put(TAGS, described.tags().isEmpty() ? Value.nil() : Attrs.ofStringMap(described.tags()));
        m.put(SKIP_DESTROY, Value.of(false));
        m.put(TRACK_LATEST, Value.of(false));
        m.putAll(identity(td));
        return new MapValue(m);
    }

    private static Map<String, String> tags(MapValue state) {
        Map<String, String> m = Attrs.stringMap(Attrs.raw(state, TAGS));
        return m == null ? Map.of() : m;
    }

    private static Value text(String s) {
        return s == null ? Value.nil() : Value.of(s);
    }
}
