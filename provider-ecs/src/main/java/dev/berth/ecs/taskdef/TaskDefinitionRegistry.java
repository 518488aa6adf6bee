package dev.berth.ecs.taskdef;

import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.store.ClientTokens;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.EcsStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control plane's task definition registry. Revisions come from the store counter
 * {@code family:<family>}, so a revision number is never handed out twice, even after
 * deregistration or a failed apply.
 */
public final class TaskDefinitionRegistry {
    private static final Pattern FAMILY_REVISION = Pattern.compile("([A-Za-z0-9_-]+)(?::(\\d+))?");

    private final EcsStore store;
    private final Table<TaskDefinitionRow> rows;
    private final ClientTokens tokens;

    public TaskDefinitionRegistry(EcsStore store) {
        this.store = store;
        this.rows = new Table<>(store, TaskDefinitionRow.TABLE, TaskDefinitionRow.class);
        this.tokens = new ClientTokens(store);
    }

    /**
     * Registers the next revision of the family with already normalised fields. The client token
     * (null: none) is kept with the revision before the revision exists, so a caller that died
     * meanwhile finds it instead of registering another.
     */
    public TaskDefinitionRow register(String family, String cpu, String memory, String networkMode,
                                      List<String> compat, String executionRoleArn, String taskRoleArn,
                                      String canonicalContainers, String taskFields, String clientToken) {
        long revision = store.next("family:" + family);
        String arn = EcsArn.taskDefinition(family, revision);
        tokens.record(arn, TaskDefinitionSchema.TYPE, clientToken);
        TaskDefinitionRow row = new TaskDefinitionRow(arn, family, revision, TaskDefinitionRow.ACTIVE, cpu, memory,
                networkMode, compat, executionRoleArn, taskRoleArn, canonicalContainers, Instant.now().toString(),
                taskFields);
        rows.put(arn, row);
        return row;
    }

    public void deregister(String arn) {
        rows.get(arn).ifPresent(r -> rows.put(arn, r.withStatus(TaskDefinitionRow.INACTIVE)));
        tokens.forget(arn);
    }

    /** Every registered revision, ACTIVE and INACTIVE. */
    public List<TaskDefinitionRow> all() {
        return rows.all();
    }

    public Optional<TaskDefinitionRow> find(String arn) {
        return arn == null ? Optional.empty() : rows.get(arn);
    }

    /**
     * Resolves many references at once, as {@link #resolve} does each: the revisions named with
     * their number in one read, a bare family (its latest revision) one by one. Null where a
     * reference resolves to nothing.
     */
    public List<TaskDefinitionRow> resolveAll(List<String> refs) {
        java.util.Map<String, String> arns = new java.util.HashMap<>();
        for (String ref : refs) {
            String arn = exactArn(ref);
            if (arn != null) arns.put(ref, arn);
        }
        java.util.Map<String, TaskDefinitionRow> found = rows.getAll(new java.util.HashSet<>(arns.values()));
        List<TaskDefinitionRow> out = new java.util.ArrayList<>(refs.size());
        for (String ref : refs) {
            String arn = arns.get(ref);
            out.add(arn != null ? found.get(arn) : resolve(ref).orElse(null));
        }
        return out;
    }

    /** The ARN a reference names with its revision number, or null (a bare family, or not a reference). */
    private static String exactArn(String ref) {
        if (ref == null) return null;
        if (EcsArn.looksLikeArn(ref)) {
            Optional<EcsArn> arn = EcsArn.parse(ref).filter(a -> a.resourceType().equals("task-definition"));
            return arn.isPresent() && arn.get().path().contains(":")
                    ? EcsArn.taskDefinition(family(arn.get().path()), revision(arn.get().path())) : null;
        }
        Matcher m = FAMILY_REVISION.matcher(ref);
        return m.matches() && m.group(2) != null ? EcsArn.taskDefinition(m.group(1), Long.parseLong(m.group(2))) : null;
    }

    /**
     * Resolves a reference as services write it: an ARN, {@code family:revision}, or a bare
     * family meaning its latest ACTIVE revision.
     */
    public Optional<TaskDefinitionRow> resolve(String ref) {
        if (ref == null) return Optional.empty();
        if (EcsArn.looksLikeArn(ref)) {
            Optional<EcsArn> arn = EcsArn.parse(ref).filter(a -> a.resourceType().equals("task-definition"));
            if (arn.isEmpty()) return Optional.empty();
            return arn.get().path().contains(":") ? find(EcsArn.taskDefinition(family(arn.get().path()),
                    revision(arn.get().path()))) : latest(arn.get().path());
        }
        Matcher m = FAMILY_REVISION.matcher(ref);
        if (!m.matches()) return Optional.empty();
        if (m.group(2) == null) return latest(m.group(1));
        return find(EcsArn.taskDefinition(m.group(1), Long.parseLong(m.group(2))));
    }

    /** True when {@code ref} has the shape of a task definition reference at all. */
    public static boolean wellFormed(String ref) {
        if (EcsArn.looksLikeArn(ref)) {
            return EcsArn.parse(ref).filter(a -> a.resourceType().equals("task-definition"))
                    .map(a -> FAMILY_REVISION.matcher(a.path()).matches()).orElse(false);
        }
        return FAMILY_REVISION.matcher(ref).matches();
    }

    private Optional<TaskDefinitionRow> latest(String family) {
        TaskDefinitionRow best = null;
        for (TaskDefinitionRow r : rows.all()) {
            if (r.family().equals(family) && r.active() && (best == null || r.revision() > best.revision())) best = r;
        }
        return Optional.ofNullable(best);
    }

    private static String family(String familyRevision) {
        return familyRevision.substring(0, familyRevision.lastIndexOf(':'));
    }

    private static long revision(String familyRevision) {
        try {
            return Long.parseLong(familyRevision.substring(familyRevision.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
