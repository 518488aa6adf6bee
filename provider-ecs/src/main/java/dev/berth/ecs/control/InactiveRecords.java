package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.KeyValuePair;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.Table;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deleted clusters and deregistered container instances, in tables of their own
 * ({@code inactive_*}): describable as INACTIVE, as in ECS, until {@link Expiry} forgets them
 * an hour after they went. A deleted cluster keeps its settings inside its record, so nothing
 * else names it once it is forgotten.
 */
final class InactiveRecords {
    static final String CLUSTERS = "inactive_clusters";
    static final String INSTANCES = "inactive_container_instances";

    /** A deleted cluster: its last row (status INACTIVE), its settings and when it was deleted. */
    record InactiveCluster(ClusterRow cluster, List<KeyValuePair> settings, String deletedAt) {
        InactiveCluster {
            settings = settings == null ? List.of() : List.copyOf(settings);
        }
    }

    /** A deregistered container instance: its last row (status INACTIVE) and when it was deregistered. */
    record InactiveInstance(InstanceRow instance, String deregisteredAt) {
    }

    private final Table<InactiveCluster> clusters;
    private final Table<InactiveInstance> instances;
    private final Clock clock;

    InactiveRecords(EcsStore store, Clock clock) {
        this.clusters = new Table<>(store, CLUSTERS, InactiveCluster.class);
        this.instances = new Table<>(store, INSTANCES, InactiveInstance.class);
        this.clock = clock;
    }

    Optional<InactiveCluster> cluster(String arn) {
        return clusters.get(arn).filter(c -> kept(arn, c.cluster(), c.deletedAt(), clusters));
    }

    /** Records the deleted cluster; the ones past keeping go now, so the table holds only the last hour's. */
    void clusterDeleted(ClusterRow inactive, List<KeyValuePair> settings) {
        clusters.entries().forEach((arn, c) -> kept(arn, c.cluster(), c.deletedAt(), clusters));
        clusters.put(inactive.arn(), new InactiveCluster(inactive, settings, clock.instant().toString()));
    }

    void forgetCluster(String arn) {
        clusters.delete(arn);
    }

    /** Every deregistered instance still kept. */
    List<InstanceRow> instances() {
        List<InstanceRow> out = new ArrayList<>();
        for (Map.Entry<String, InactiveInstance> e : instances.entries().entrySet()) {
            InactiveInstance i = e.getValue();
            if (kept(e.getKey(), i.instance(), i.deregisteredAt(), instances)) out.add(i.instance());
        }
        return out;
    }

    Optional<InstanceRow> instance(String arn) {
        return instances.get(arn).filter(i -> kept(arn, i.instance(), i.deregisteredAt(), instances))
                .map(InactiveInstance::instance);
    }

    /** Records the deregistered instance; the ones past keeping go now (as {@link #instances} lets them). */
    void instanceDeregistered(InstanceRow inactive) {
        instances();
        instances.put(inactive.arn(), new InactiveInstance(inactive, clock.instant().toString()));
    }

    void forgetInstance(String arn) {
        instances.delete(arn);
    }

    /** Past keeping (or unreadable, with no row inside): the record goes now, on first sight. */
    private <T> boolean kept(String arn, Object row, String endedAt, Table<T> table) {
        if (row != null && !Expiry.over(endedAt, clock)) return true;
        table.delete(arn);
        return false;
    }
}
