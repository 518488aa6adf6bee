package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.EcsStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every resource's tags by ARN. A cluster's live in its row (where earlier berths kept them);
 * every other kind's in {@code resource_tags}. The rules are ECS's: at most 50 tags, keys of 1 to
 * 128 characters, values up to 256, and the {@code aws:} prefix reserved.
 */
final class Tags {
    static final String TABLE = "resource_tags";
    static final int MAX_TAGS = 50;

    /** A row of {@code resource_tags}. */
    record TagRow(Map<String, String> tags) {
        TagRow {
            tags = tags == null ? Map.of() : new TreeMap<>(tags);
        }
    }

    private final Table<TagRow> rows;
    private final Table<ClusterRow> clusters;

    Tags(EcsStore store, Table<ClusterRow> clusters) {
        this.rows = new Table<>(store, TABLE, TagRow.class);
        this.clusters = clusters;
    }

    Map<String, String> of(String arn) {
        var cluster = clusters.get(arn);
        if (cluster.isPresent()) return cluster.get().tags();
        return rows.get(arn).map(TagRow::tags).orElse(Map.of());
    }

    /** The tags of every ARN given, read at once: what {@link #of} gives for each. */
    Map<String, Map<String, String>> ofAll(java.util.Collection<String> arns) {
        Map<String, Map<String, String>> out = new java.util.HashMap<>();
        rows.getAll(arns).forEach((arn, row) -> out.put(arn, row.tags()));
        clusters.getAll(arns).forEach((arn, cluster) -> out.put(arn, cluster.tags()));
        for (String arn : arns) out.putIfAbsent(arn, Map.of());
        return out;
    }

    void replace(String arn, Map<String, String> tags) {
        var cluster = clusters.get(arn);
        if (cluster.isPresent()) {
            ClusterRow c = cluster.get();
            clusters.put(arn, new ClusterRow(c.arn(), c.name(), c.network(), tags, c.status()));
        } else if (tags.isEmpty()) {
            rows.delete(arn);
        } else {
            rows.put(arn, new TagRow(tags));
        }
    }

    void forget(String arn) {
        rows.delete(arn);
    }

    /** The request's tags as a map, checked by ECS's rules; null means none. */
    static Map<String, String> checked(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        if (tags == null) return out;
        for (Tag t : tags) {
            if (t == null || t.key() == null || t.key().isEmpty() || t.key().length() > 128) {
                throw EcsException.invalidParameter("Tag keys must be between 1 and 128 characters.");
            }
            if (t.value() != null && t.value().length() > 256) {
                throw EcsException.invalidParameter("Tag values must be at most 256 characters.");
            }
            if (t.key().toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw EcsException.invalidParameter("Tag keys starting with 'aws:' are reserved for AWS use.");
            }
            out.put(t.key(), t.value() == null ? "" : t.value());
        }
        return out;
    }

    static void checkCount(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw EcsException.invalidParameter("A resource can have at most " + MAX_TAGS + " tags.");
        }
    }

    /** Tags as ECS lists them: in key order. */
    static List<Tag> list(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>();
        new TreeMap<>(tags).forEach((k, v) -> out.add(new Tag(k, v)));
        return out;
    }
}
