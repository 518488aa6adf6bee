package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.DeploymentCircuitBreaker;
import dev.berth.ecs.api.Shapes.DeploymentConfiguration;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.store.ServiceSettings;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.EcsStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service records, kept in step with the {@code services} rows the deployers write: a
 * service the HCL resource made before this table existed gets its record from its row and
 * settings on first sight, a record follows its row's desired count and revision, and a record
 * whose row is gone (deleted by another path) reads as INACTIVE. An INACTIVE service is
 * forgotten an hour after its deletion ({@link Expiry}).
 */
final class ServiceRecords {
    private final Table<ServiceRecord> records;
    private final Table<ServiceRow> rows;
    private final Table<ServiceSettings> settings;
    private final Clock clock;

    ServiceRecords(EcsStore store, Clock clock) {
        this.records = new Table<>(store, ServiceRecord.TABLE, ServiceRecord.class);
        this.rows = new Table<>(store, ServiceRow.TABLE, ServiceRow.class);
        this.settings = new Table<>(store, ServiceSettings.TABLE, ServiceSettings.class);
        this.clock = clock;
    }

    Optional<ServiceRecord> find(String arn) {
        return reconcile(arn, records.get(arn).orElse(null), rows.get(arn).orElse(null));
    }

    /** Every service known, deleted ones within the hour included. */
    List<ServiceRecord> all() {
        Map<String, ServiceRecord> known = new LinkedHashMap<>(records.entries());
        Map<String, ServiceRow> byArn = rows.entries();
        List<String> arns = new ArrayList<>(known.keySet());
        byArn.keySet().stream().filter(a -> !known.containsKey(a)).forEach(arns::add);
        List<ServiceRecord> out = new ArrayList<>();
        for (String arn : arns) reconcile(arn, known.get(arn), byArn.get(arn)).ifPresent(out::add);
        return out;
    }

    void put(ServiceRecord r) {
        records.put(r.serviceArn(), r);
    }

    /** Changes the record in one step (see {@link Table#update}); returns it as it is afterwards. */
    Optional<ServiceRecord> update(String arn, java.util.function.UnaryOperator<ServiceRecord> change) {
        return records.update(arn, change);
    }

    /**
     * Stores what a read made of {@code read} unless another writer changed the record since it
     * was read: then the record stands as they wrote it, and is returned as it is.
     */
    private Optional<ServiceRecord> replace(String arn, ServiceRecord read, ServiceRecord made) {
        return records.update(arn, now -> java.util.Objects.equals(now, read) ? made : now);
    }

    private Optional<ServiceRecord> reconcile(String arn, ServiceRecord record, ServiceRow row) {
        if (record == null && row == null) return Optional.empty();
        if (record == null) return replace(arn, null, fromRow(row));
        if (ServiceRecord.INACTIVE.equals(record.status())) {
            if (Expiry.over(record.deletedAt(), clock)) {
                records.delete(arn);
                return Optional.empty();
            }
            if (row == null) return Optional.of(record);
            // Created again by a path that writes only the row.
            return replace(arn, record, fromRow(row));
        }
        if (row == null) {
            // Its row went by another path (the HCL resource's destroy): the service is gone.
            return replace(arn, record, record.withStatus(ServiceRecord.INACTIVE, clock.instant().toString()));
        }
        if (row.desiredCount() != record.desiredCount() || !row.taskDefinitionArn().equals(record.taskDefinitionArn())) {
            ServiceRecord followed = new ServiceRecord(record.serviceArn(), record.serviceName(), record.clusterArn(),
                    record.status(), record.launchType(), row.taskDefinitionArn(), row.desiredCount(),
                    record.deploymentConfiguration(), record.placementConstraints(), record.placementStrategy(),
                    record.tags(), record.clientToken(), record.createdAt(), record.deletedAt(), record.deployments());
            return replace(arn, record, followed);
        }
        return Optional.of(record);
    }

    /** A record for a service known only by its row (and, for EC2, its settings). */
    private ServiceRecord fromRow(ServiceRow row) {
        Optional<ServiceSettings> s = settings.get(row.arn());
        List<PlacementConstraint> constraints = new ArrayList<>();
        List<PlacementStrategy> strategy = new ArrayList<>();
        DeploymentConfiguration config = new DeploymentConfiguration(new DeploymentCircuitBreaker(false, false), 200, 100);
        if (s.isPresent()) {
            s.get().constraints().forEach(c -> constraints.add(new PlacementConstraint(c.get(0), c.size() > 1 ? c.get(1) : null)));
            s.get().strategies().forEach(c -> strategy.add(new PlacementStrategy(c.get(0), c.size() > 1 ? c.get(1) : null)));
            config = new DeploymentConfiguration(new DeploymentCircuitBreaker(s.get().breakerEnabled(),
                    s.get().breakerRollback()), s.get().maximumPercent(), s.get().minimumHealthyPercent());
        }
        String now = clock.instant().toString();
        ServiceRecord.DeploymentRecord d = ServiceRules.newDeployment(row.taskDefinitionArn(), row.desiredCount(), now);
        d = new ServiceRecord.DeploymentRecord(d.id(), d.taskDefinitionArn(), d.desiredCount(), now, now, "COMPLETED", null);
        return new ServiceRecord(row.arn(), row.name(), row.clusterArn(), ServiceRecord.ACTIVE, row.launchType(),
                row.taskDefinitionArn(), row.desiredCount(), config, constraints, strategy, List.of(), null, now, null,
                List.of(d));
    }
}
