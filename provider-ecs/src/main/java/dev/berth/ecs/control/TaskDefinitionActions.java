package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionCalls;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions,
 * ListTaskDefinitionFamilies and DeregisterTaskDefinition over the registry, whose revision
 * counter per family never hands a number out twice. Deregistered revisions stay describable
 * (INACTIVE) and tasks running them keep running.
 */
final class TaskDefinitionActions implements TaskDefinitionCalls {
    static final String TOKEN_KIND = "ecs_task_definition";
    private static final Pattern WITH_REVISION = Pattern.compile("([A-Za-z0-9_-]+):(\\d+)");
    private static final List<String> STATUSES = List.of("ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS");

    private final World world;

    TaskDefinitionActions(World world) {
        this.world = world;
    }

    @Override
    public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
        if (request.clientToken() != null) {
            Optional<TaskDefinitionRow> made = world.tokens.find(TOKEN_KIND, request.clientToken())
                    .flatMap(world.registry::find);
            if (made.isPresent()) {
                return new RegisterTaskDefinitionResponse(TaskDefinitionShapes.of(made.get()),
                        Tags.list(world.tags.of(made.get().arn())));
            }
        }
        Map<String, String> tags = Tags.checked(request.tags());
        Tags.checkCount(tags);
        TaskDefinitionShapes.Registration r = TaskDefinitionShapes.validated(request);
        TaskDefinitionRow row = world.registry.register(r.family(), r.cpu(), r.memory(), r.networkMode(),
                r.requiresCompatibilities(), request.executionRoleArn(), request.taskRoleArn(), r.containers(),
                r.taskFields(), request.clientToken());
        if (!tags.isEmpty()) world.tags.replace(row.arn(), tags);
        return new RegisterTaskDefinitionResponse(TaskDefinitionShapes.of(row), Tags.list(tags));
    }

    @Override
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        TaskDefinitionRow row = (TaskDefinitionRegistry.wellFormed(nonNull(request.taskDefinition()))
                ? world.registry.resolve(request.taskDefinition()) : Optional.<TaskDefinitionRow>empty())
                .orElseThrow(() -> EcsException.client("Unable to describe task definition."));
        boolean tags = request.include() != null && request.include().contains("TAGS");
        return new DescribeTaskDefinitionResponse(TaskDefinitionShapes.of(row),
                tags ? Tags.list(world.tags.of(row.arn())) : null);
    }

    /**
     * DescribeTaskDefinition with tags for every reference, as {@link dev.berth.ecs.api.TaskDefinitionBatch}
     * asks: the revisions and their tags each in one read of the store.
     */
    List<DescribeTaskDefinitionResponse> describeTaskDefinitions(List<String> refs) {
        List<String> wellFormed = refs.stream().map(r -> r != null && !r.isEmpty() && TaskDefinitionRegistry.wellFormed(r)
                ? r : null).toList();
        List<TaskDefinitionRow> rows = world.registry.resolveAll(wellFormed);
        List<String> arns = rows.stream().filter(java.util.Objects::nonNull).map(TaskDefinitionRow::arn).toList();
        Map<String, Map<String, String>> tags = world.tags.ofAll(arns);
        List<DescribeTaskDefinitionResponse> out = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i) == null || refs.get(i).isEmpty()) throw EcsException.client("taskDefinition is required.");
            TaskDefinitionRow row = rows.get(i);
            out.add(row == null ? null
                    : new DescribeTaskDefinitionResponse(TaskDefinitionShapes.of(row), Tags.list(tags.get(row.arn()))));
        }
        return out;
    }

    @Override
    public ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest request) {
        String status = request.status() == null ? "ACTIVE" : request.status();
        if (!STATUSES.contains(status)) {
            throw EcsException.invalidParameter("status must be one of ACTIVE, INACTIVE, DELETE_IN_PROGRESS.");
        }
        String sort = request.sort() == null ? "ASC" : request.sort();
        if (!sort.equals("ASC") && !sort.equals("DESC")) throw EcsException.invalidParameter("sort must be ASC or DESC.");
        Comparator<TaskDefinitionRow> order = Comparator.comparing(TaskDefinitionRow::family)
                .thenComparingLong(TaskDefinitionRow::revision);
        // ECS's familyPrefix names a whole family here (unlike ListTaskDefinitionFamilies).
        List<String> arns = world.registry.all().stream()
                .filter(r -> status.equals(r.status()))
                .filter(r -> request.familyPrefix() == null || r.family().equals(request.familyPrefix()))
                .sorted(sort.equals("ASC") ? order : order.reversed())
                .map(TaskDefinitionRow::arn).toList();
        Paging.Page<String> page = Paging.page(arns, request.nextToken(), request.maxResults(), 100);
        return new ListTaskDefinitionsResponse(page.items(), page.nextToken());
    }

    @Override
    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request) {
        String status = request.status() == null ? "ALL" : request.status();
        if (!List.of("ACTIVE", "INACTIVE", "ALL").contains(status)) {
            throw EcsException.invalidParameter("status must be one of ACTIVE, INACTIVE, ALL.");
        }
        TreeSet<String> all = new TreeSet<>(), active = new TreeSet<>();
        for (TaskDefinitionRow r : world.registry.all()) {
            all.add(r.family());
            if (r.active()) active.add(r.family());
        }
        List<String> families = new ArrayList<>();
        for (String f : all) {
            if (request.familyPrefix() != null && !f.startsWith(request.familyPrefix())) continue;
            boolean isActive = active.contains(f);
            if (status.equals("ALL") || status.equals("ACTIVE") == isActive) families.add(f);
        }
        Paging.Page<String> page = Paging.page(families, request.nextToken(), request.maxResults(), 100);
        return new ListTaskDefinitionFamiliesResponse(page.items(), page.nextToken());
    }

    @Override
    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest request) {
        String ref = nonNull(request.taskDefinition());
        String familyRevision = EcsArn.parse(ref).filter(a -> a.resourceType().equals("task-definition"))
                .map(EcsArn::path).orElse(ref);
        Matcher m = WITH_REVISION.matcher(familyRevision);
        if (!m.matches()) {
            if (TaskDefinitionRegistry.wellFormed(ref)) throw EcsException.client("Revision is missing.");
            throw EcsException.client("The specified task definition does not exist.");
        }
        String arn = EcsArn.taskDefinition(m.group(1), Long.parseLong(m.group(2)));
        world.registry.find(arn).orElseThrow(() -> EcsException.client("The specified task definition does not exist."));
        world.registry.deregister(arn);
        return new DeregisterTaskDefinitionResponse(TaskDefinitionShapes.of(world.registry.find(arn).orElseThrow()));
    }

    private static String nonNull(String ref) {
        if (ref == null || ref.isEmpty()) throw EcsException.client("taskDefinition is required.");
        return ref;
    }
}
