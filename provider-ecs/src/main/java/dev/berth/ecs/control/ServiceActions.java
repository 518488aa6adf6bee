package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls;
import dev.berth.ecs.api.Shapes.DeploymentConfiguration;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.service.EventLog;
import dev.berth.ecs.service.DeployResult;
import dev.berth.ecs.service.Deployer;
import dev.berth.ecs.service.ObservedTask;
import dev.berth.ecs.service.ObservedService;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.ClientTokens;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.EcsStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The control plane's service actions. CreateService and UpdateService record the service and
 * run its deployment until it settles or fails (see the package notes); DeleteService stops its
 * tasks and leaves it INACTIVE, describable for an hour as ECS keeps deleted services. Counts
 * in DescribeServices come from what the engines run.
 */
final class ServiceActions implements ServiceCalls {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final Lookups lookups;
    private final Deployer deployer;
    private final ServiceRecords records;
    private final Table<ServiceRow> rows;
    private final dev.berth.ecs.store.TaskTable tasks;
    private final ReadScope sharedListing;
    private final EventLog events;
    private final ClientTokens tokens;
    private final Clock clock;
    private final ServiceDryRuns dryRuns;
    private final Rollouts rollouts;

    /**
     * {@code sharedListing}: count running tasks from the listing the deployer shares with one
     * command's reads (a provider's control plane, whose reads refresh once per command), rather
     * than listing the engines at every describe (a long-lived control plane).
     */
    ServiceActions(EcsStore store, Deployer deployer, ReadScope sharedListing, Rollouts rollouts, Clock clock) {
        this.rollouts = rollouts;
        this.lookups = new Lookups(store);
        this.deployer = deployer;
        this.records = new ServiceRecords(store, clock);
        this.rows = new Table<>(store, ServiceRow.TABLE, ServiceRow.class);
        this.tasks = new dev.berth.ecs.store.TaskTable(store);
        this.sharedListing = sharedListing;
        this.events = new EventLog(store);
        this.tokens = new ClientTokens(store);
        this.clock = clock;
        this.dryRuns = new ServiceDryRuns(new dev.berth.ecs.service.PlacementPlanning(store, deployer::fargateCpuUnits),
                lookups, rows);
    }

    @Override
    public synchronized CreateServiceResponse createService(CreateServiceRequest r) {
        if (Boolean.TRUE.equals(r.dryRun())) return new CreateServiceResponse(null, dryRuns.create(r));
        ClusterRow cluster = lookups.cluster(r.cluster());
        if (r.serviceName() == null || !NAME.matcher(r.serviceName()).matches()) {
            throw EcsException.invalidParameter("Service name must be 1 to 255 letters, numbers, hyphens and underscores.");
        }
        String arn = EcsArn.service(cluster.name(), r.serviceName());
        Optional<ServiceRecord> existing = records.find(arn).map(this::drained);
        if (existing.isPresent() && !ServiceRecord.INACTIVE.equals(existing.get().status())) {
            if (r.clientToken() != null && r.clientToken().equals(existing.get().clientToken())) {
                return new CreateServiceResponse(describe(cluster, existing.get(), true));
            }
            if (ServiceRecord.DRAINING.equals(existing.get().status())) {
                throw EcsException.invalidParameter("Unable to Start a service that is still Draining.");
            }
            throw EcsException.invalidParameter("Creation of service was not idempotent.");
        }
        int desired = ServiceRules.desiredCount(r.desiredCount());
        TaskDefinitionRow td = ServiceRules.taskDefinition(lookups, r.taskDefinition());
        String launchType = r.launchType() != null ? ServiceRules.launchType(r.launchType())
                : ServiceRules.defaultLaunchType(lookups, cluster, td);
        ServiceRules.checkQuotas(desired);
        DeploymentConfiguration config = ServiceRules.configuration(r.deploymentConfiguration(), null);
        List<PlacementConstraint> constraints = ServiceRules.constraints(r.placementConstraints());
        List<PlacementStrategy> strategy = ServiceRules.strategy(r.placementStrategy());
        ServiceRules.checkCompatible(td, launchType, false);
        ServiceRules.checkFargatePlacement(launchType, constraints, strategy);
        String now = clock.instant().toString();
        tokens.record(arn, ServiceSchema.TYPE, r.clientToken());
        ServiceRecord.DeploymentRecord deployment = ServiceRules.newDeployment(td.arn(), desired, now);
        ServiceRecord record = new ServiceRecord(arn, r.serviceName(), cluster.arn(), ServiceRecord.ACTIVE, launchType,
                td.arn(), desired, config, constraints, strategy, r.tags(), r.clientToken(), now, null,
                List.of(deployment));
        records.put(record);
        ServiceRecord done = deploy(record, r.taskDefinition(), false, deployment, true);
        return new CreateServiceResponse(describe(cluster, done, true));
    }

    @Override
    public synchronized UpdateServiceResponse updateService(UpdateServiceRequest r) {
        if (Boolean.TRUE.equals(r.dryRun())) return new UpdateServiceResponse(null, dryRuns.update(r));
        ClusterRow cluster = lookups.cluster(r.cluster());
        ServiceRecord record = active(cluster, r.service());
        String tdRef = r.taskDefinition() != null ? r.taskDefinition()
                : rows.get(record.serviceArn()).map(ServiceRow::taskDefinition).orElse(record.taskDefinitionArn());
        TaskDefinitionRow td = ServiceRules.taskDefinition(lookups, tdRef);
        int desired = r.desiredCount() == null ? record.desiredCount() : ServiceRules.desiredCount(r.desiredCount());
        ServiceRules.checkQuotas(desired);
        DeploymentConfiguration config = ServiceRules.configuration(r.deploymentConfiguration(),
                record.deploymentConfiguration());
        List<PlacementConstraint> constraints = r.placementConstraints() == null ? record.placementConstraints()
                : ServiceRules.constraints(r.placementConstraints());
        List<PlacementStrategy> strategy = r.placementStrategy() == null ? record.placementStrategy()
                : ServiceRules.strategy(r.placementStrategy());
        ServiceRules.checkCompatible(td, record.launchType(), false);
        ServiceRules.checkFargatePlacement(record.launchType(), constraints, strategy);
        boolean force = Boolean.TRUE.equals(r.forceNewDeployment());
        boolean newDeployment = force || !td.arn().equals(record.taskDefinitionArn());
        String now = clock.instant().toString();
        ServiceRecord.DeploymentRecord deployment = newDeployment || record.deployments().isEmpty()
                ? ServiceRules.newDeployment(td.arn(), desired, now)
                : ServiceRules.reopened(record.deployments().get(0), desired, now);
        ServiceRecord updated = record.updated(td.arn(), desired, config, constraints, strategy, deployment,
                newDeployment);
        records.put(updated);
        ServiceRecord done = deploy(updated, tdRef, force, deployment, false);
        return new UpdateServiceResponse(describe(cluster, done, true));
    }

    @Override
    public DescribeServicesResponse describeServices(DescribeServicesRequest r) {
        ClusterRow cluster = lookups.cluster(r.cluster());
        if (r.services() == null || r.services().isEmpty()) {
            throw EcsException.invalidParameter("Services cannot be empty.");
        }
        if (r.services().size() > 10) throw EcsException.invalidParameter("A maximum of 10 services can be described.");
        boolean tags = r.include() != null && r.include().contains("TAGS");
        List<Service> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : r.services()) {
            String arn = serviceArn(cluster, ref);
            Optional<ServiceRecord> s = records.find(arn).map(this::seen);
            if (s.isEmpty()) failures.add(new Failure(arn, "MISSING"));
            else out.add(view(s.get(), tags));
        }
        return new DescribeServicesResponse(out, failures);
    }

    @Override
    public ListServicesResponse listServices(ListServicesRequest r) {
        ClusterRow cluster = lookups.cluster(r.cluster());
        TreeSet<String> arns = new TreeSet<>();
        for (ServiceRecord s : records.all()) {
            if (!s.clusterArn().equals(cluster.arn()) || ServiceRecord.INACTIVE.equals(s.status())) continue;
            if (r.launchType() != null && !r.launchType().equals(s.launchType())) continue;
            arns.add(s.serviceArn());
        }
        ArnPages page = ArnPages.of(new ArrayList<>(arns), r.nextToken(), r.maxResults() == null ? 10 : r.maxResults());
        return new ListServicesResponse(page.page(), page.nextToken());
    }

    @Override
    public synchronized DeleteServiceResponse deleteService(DeleteServiceRequest r) {
        ClusterRow cluster = lookups.cluster(r.cluster());
        if (r.service() != null) {
            // A retried delete finishes what a killed one began.
            Optional<ServiceRecord> left = records.find(serviceArn(cluster, r.service()));
            if (left.isPresent() && ServiceRecord.DRAINING.equals(left.get().status())) {
                ServiceRecord gone = drained(left.get());
                return new DeleteServiceResponse(ServiceViews.service(gone, List.of(), List.of(),
                        events.list(gone.serviceArn()), true));
            }
        }
        ServiceRecord record = active(cluster, r.service());
        if (!Boolean.TRUE.equals(r.force()) && record.desiredCount() > 0) {
            throw EcsException.invalidParameter("The service cannot be stopped while it is scaled above 0.");
        }
        ServiceRecord draining = record.withStatus(ServiceRecord.DRAINING, null);
        records.put(draining);
        List<String> problems = deployer.delete(record.serviceArn());
        if (!problems.isEmpty()) {
            // Its tasks still run: the service stays as it was, and the caller may try again.
            records.put(record);
            throw new EcsException(EcsException.SERVER, String.join(" ", problems));
        }
        tokens.forget(record.serviceArn());
        records.put(draining.withStatus(ServiceRecord.INACTIVE, clock.instant().toString()));
        Service shown = ServiceViews.service(draining, List.of(), List.of(), events.list(record.serviceArn()), true);
        return new DeleteServiceResponse(shown);
    }

    /**
     * A DRAINING service seen here is one whose DeleteService stopped part-way (its caller was
     * killed; this control plane's own calls are serialized): nothing else will finish the drain
     * that ECS finishes on its own, so it is finished now and the service is INACTIVE. Any other
     * service is returned as it is.
     */
    private ServiceRecord drained(ServiceRecord s) {
        if (!ServiceRecord.DRAINING.equals(s.status())) return s;
        List<String> problems = deployer.delete(s.serviceArn());
        if (!problems.isEmpty()) {
            throw new EcsException(EcsException.SERVER, "Unable to finish draining service " + s.serviceName() + ": "
                    + String.join(" ", problems));
        }
        tokens.forget(s.serviceArn());
        ServiceRecord gone = s.withStatus(ServiceRecord.INACTIVE, clock.instant().toString());
        records.put(gone);
        return gone;
    }

    /**
     * A service as a describe finds it. A DRAINING one is finished here, once this control plane's
     * own DeleteService (if one runs) is done, so a killed delete strands nothing for the next
     * refresh, destroy or DeleteCluster; it is shown DRAINING while its engines will not let it finish.
     */
    private ServiceRecord seen(ServiceRecord s) {
        if (!ServiceRecord.DRAINING.equals(s.status())) return s;
        synchronized (this) {
            ServiceRecord now = records.find(s.serviceArn()).orElse(s);
            try {
                return drained(now);
            } catch (EcsException engineRefused) {
                return now;
            }
        }
    }

    /**
     * Deploys as this control plane's {@link Rollouts} say: inline, until the rollout ends (the
     * record then says how); behind the call, the service and its settings are recorded with the
     * deployment IN_PROGRESS and the service loop is told to roll it out ({@link #rollOut}).
     */
    private ServiceRecord deploy(ServiceRecord record, String tdRef, boolean force,
                                 ServiceRecord.DeploymentRecord deployment, boolean creating) {
        if (rollouts.deploysInline()) {
            return ended(record, deployment, deployer.deploy(ServiceRules.request(record, tdRef, force)));
        }
        ServiceRecord.DeploymentRecord asked = deployment.replacingAll(force);
        ServiceRecord pending = record.updated(record.taskDefinitionArn(), record.desiredCount(),
                record.deploymentConfiguration(), record.placementConstraints(), record.placementStrategy(), asked, false);
        Optional<DeployResult> rejected = deployer.record(ServiceRules.request(record, tdRef, force));
        if (rejected.isPresent()) return ended(pending, asked, rejected.get());
        records.put(pending);
        rollouts.requested(record.serviceArn());
        return pending;
    }

    /**
     * The rollout of a service's PRIMARY deployment, run by the service loop when deployments run
     * behind the call: the deployment still IN_PROGRESS, or, for a service that no longer runs as
     * desired, its last one taken up again (as ECS's scheduler replaces a service's stopped tasks).
     * Nothing happens to a service deleted meanwhile.
     */
    synchronized void rollOut(String serviceArn) {
        Optional<ServiceRecord> found = records.find(serviceArn);
        if (found.isEmpty() || !found.get().active()) return;
        ServiceRecord record = found.get();
        String now = clock.instant().toString();
        ServiceRecord.DeploymentRecord primary = record.deployments().isEmpty()
                ? ServiceRules.newDeployment(record.taskDefinitionArn(), record.desiredCount(), now)
                : record.deployments().get(0);
        ServiceRecord.DeploymentRecord d = primary.inProgress() ? primary
                : ServiceRules.reopened(primary, record.desiredCount(), now);
        if (record.deployments().isEmpty() || d != primary) {
            records.update(serviceArn, r -> r == null || !samePrimary(r, record) ? r : r.updated(r.taskDefinitionArn(),
                    r.desiredCount(), r.deploymentConfiguration(), r.placementConstraints(), r.placementStrategy(), d,
                    r.deployments().isEmpty()));
        }
        // Deployed as the service's row and settings say when the rollout reads them, never as
        // this record said: a call in another process may change the service meanwhile.
        ended(serviceArn, d, deployer.deployRecorded(serviceArn, Boolean.TRUE.equals(d.replaceAll())));
    }

    private static boolean samePrimary(ServiceRecord a, ServiceRecord b) {
        if (a.deployments().isEmpty() || b.deployments().isEmpty()) return a.deployments().isEmpty() == b.deployments().isEmpty();
        return a.deployments().get(0).id().equals(b.deployments().get(0).id());
    }

    /** Records how a deployment ended on it and, after a rollback, on the service. */
    private ServiceRecord ended(ServiceRecord record, ServiceRecord.DeploymentRecord deployment, DeployResult d) {
        ServiceRecord out = ended(record, deployment, d, false);
        records.put(out);
        return out;
    }

    /**
     * As {@link #ended(ServiceRecord, ServiceRecord.DeploymentRecord, DeployResult)} for a rollout
     * of the service loop, on the record as it is when the rollout ends: a call may have changed
     * the service meanwhile, and then the ended deployment is no longer its PRIMARY one and the
     * record is left as the call made it.
     */
    private void ended(String serviceArn, ServiceRecord.DeploymentRecord deployment, DeployResult d) {
        records.update(serviceArn, now -> now == null || now.deployments().isEmpty()
                || !now.deployments().get(0).id().equals(deployment.id()) ? now : ended(now, deployment, d, true));
    }

    private ServiceRecord ended(ServiceRecord record, ServiceRecord.DeploymentRecord deployment, DeployResult d,
                                boolean rolledOut) {
        String now = clock.instant().toString();
        String reason = reason(d);
        ServiceRecord.DeploymentRecord primary = rolledOut ? record.deployments().get(0) : deployment;
        ServiceRecord.DeploymentRecord ended = new ServiceRecord.DeploymentRecord(deployment.id(),
                primary.taskDefinitionArn(), record.desiredCount(), primary.createdAt(), now,
                d.steady() ? "COMPLETED" : "FAILED", reason);
        // After a rollback the service runs the revision it returned to.
        String running = d.taskDefinitionArn() == null ? record.taskDefinitionArn() : d.taskDefinitionArn();
        return record.updated(running, record.desiredCount(), record.deploymentConfiguration(),
                record.placementConstraints(), record.placementStrategy(), ended, false);
    }

    /**
     * ECS's rolloutStateReason: for a failed rollout its one-sentence reason and, on the lines
     * after it, every failure on the way; for a settled one the failures it got past, if any.
     */
    static String reason(DeployResult d) {
        List<String> lines = new ArrayList<>();
        if (!d.steady() && d.message() != null) lines.add(d.message());
        for (String f : d.failures()) if (!lines.contains(f)) lines.add(f);
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private ServiceRecord active(ClusterRow cluster, String ref) {
        if (ref == null || ref.isBlank()) throw EcsException.invalidParameter("Service must be specified.");
        ServiceRecord s = records.find(serviceArn(cluster, ref)).orElseThrow(EcsException::serviceNotFound);
        if (!s.active()) throw EcsException.serviceNotActive();
        return s;
    }

    private Service describe(ClusterRow cluster, ServiceRecord s, boolean tags) {
        return view(s, tags);
    }

    private Service view(ServiceRecord s, boolean tags) {
        List<ObservedTask> running = List.of();
        List<String> orphans = List.of();
        String engineFailure = null;
        if (s.active()) {
            try {
                ObservedService observed = deployer.observe(s.serviceArn(), sharedListing.active());
                running = observed.tasks();
                orphans = observed.orphanNames();
            } catch (RuntimeFailure unreachable) {
                // Counted as last recorded, as ECS counts while an agent is away; said for drift detection.
                engineFailure = unreachable.getMessage();
            }
        }
        List<TaskRow> starting = tasks.forService(s.serviceArn()).stream().filter(t ->
                (TaskRow.PROVISIONING.equals(t.status()) || TaskRow.PENDING.equals(t.status()))).toList();
        Service out = ServiceViews.service(s, running, starting, events.list(s.serviceArn()), tags);
        return ServiceViews.withObservation(out, orphans, engineFailure);
    }

    static String serviceArn(ClusterRow cluster, String ref) {
        return EcsArn.looksLikeArn(ref) ? ref : EcsArn.service(cluster.name(), ref);
    }
}
