package dev.berth.ecs.agent;

import dev.berth.ecs.api.ClusterCalls.ListClustersRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.ListServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The agent's repair pass for {@code berth server}: the control plane's own services, with no
 * configuration and no run lock. A service is repaired by rolling its deployment out, which
 * starts what died or is missing (as ECS's scheduler replaces a service's stopped tasks): by
 * default an UpdateService that changes nothing, which deploys inside the call; where
 * deployments run behind the call, the control plane's rollout of the service, which is the
 * same deployment. A resync looks at every ACTIVE service of every cluster and repairs those
 * whose deployment is still IN_PROGRESS or whose running count is not their desired count. Each
 * repair is one change, as atomic as any request.
 */
public final class ControlPlaneRepairer implements Repairs {
    private static final int PAGE = 100;

    private final EcsApi api;
    private final java.util.function.Consumer<String> rollOut;
    private final java.util.function.Predicate<String> keeps;

    public ControlPlaneRepairer(EcsApi api) {
        this(api, null);
    }

    /** {@code rollOut} rolls a service's deployment out (by ARN); null: an UpdateService that changes nothing. */
    public ControlPlaneRepairer(EcsApi api, java.util.function.Consumer<String> rollOut) {
        this(api, rollOut, arn -> true);
    }

    /**
     * {@code keeps}: whether this process keeps a service (asked each time it would repair it):
     * several servers on one control plane each keep the services whose lease they hold
     * ({@link ServiceLeaseKeeper}).
     */
    public ControlPlaneRepairer(EcsApi api, java.util.function.Consumer<String> rollOut,
                                java.util.function.Predicate<String> keeps) {
        this.api = api;
        this.rollOut = rollOut;
        this.keeps = keeps;
    }

    @Override
    public Result pass(Set<String> serviceArns) {
        List<ServiceOutcome> out = new ArrayList<>();
        if (serviceArns != null) {
            for (String arn : serviceArns) if (keeps.test(arn)) out.add(repair(clusterOf(arn), arn));
            return new Result(null, out);
        }
        List<String> clusters;
        try {
            clusters = all(next -> {
                var page = api.listClusters(new ListClustersRequest(next, PAGE));
                return new Page(page.clusterArns(), page.nextToken());
            });
        } catch (RuntimeException e) {
            return new Result(null, out); // the next resync tries again
        }
        for (String cluster : clusters) {
            try {
                resync(cluster, out);
            } catch (RuntimeException e) {
                // A cluster deleted meanwhile, say: the others are still looked at.
            }
        }
        return new Result(null, out);
    }

    private void resync(String cluster, List<ServiceOutcome> out) {
        List<String> services = all(next -> {
            var page = api.listServices(new ListServicesRequest(cluster, next, PAGE, null, null));
            return new Page(page.serviceArns(), page.nextToken());
        });
        // DescribeServices takes at most 10 services.
        for (int i = 0; i < services.size(); i += 10) {
            List<String> batch = services.subList(i, Math.min(services.size(), i + 10));
            for (Service s : api.describeServices(new DescribeServicesRequest(cluster, batch, null)).services()) {
                boolean rollingOut = s.deployments() != null && !s.deployments().isEmpty()
                        && "IN_PROGRESS".equals(s.deployments().get(0).rolloutState());
                if ("ACTIVE".equals(s.status())
                        && (rollingOut || !java.util.Objects.equals(s.desiredCount(), s.runningCount()))
                        && keeps.test(s.serviceArn())) {
                    out.add(repair(cluster, s.serviceArn()));
                }
            }
        }
    }

    private ServiceOutcome repair(String cluster, String serviceArn) {
        List<String> before;
        try {
            before = running(cluster, serviceArn);
        } catch (RuntimeException e) {
            return new ServiceOutcome(serviceArn, List.of(), List.of(), String.valueOf(e.getMessage()));
        }
        try {
            if (rollOut != null) rollOut.accept(serviceArn);
            else api.updateService(new UpdateServiceRequest(cluster, serviceArn, null, null, null, null, null, null));
        } catch (EcsException e) {
            return new ServiceOutcome(serviceArn, before, before, e.errorName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new ServiceOutcome(serviceArn, before, before, String.valueOf(e.getMessage()));
        }
        return new ServiceOutcome(serviceArn, before, running(cluster, serviceArn), null);
    }

    private List<String> running(String cluster, String serviceArn) {
        String name = serviceArn.substring(serviceArn.lastIndexOf('/') + 1);
        return all(next -> {
            var page = api.listTasks(new ListTasksRequest(cluster, null, null, next, PAGE, null, name, "RUNNING", null));
            return new Page(page.taskArns(), page.nextToken());
        });
    }

    /** The cluster part of arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME. */
    static String clusterOf(String serviceArn) {
        String[] parts = serviceArn.substring(serviceArn.indexOf(":service/") + ":service/".length()).split("/");
        return parts[0];
    }

    private record Page(List<String> items, String nextToken) {
    }

    private static List<String> all(java.util.function.Function<String, Page> fetch) {
        List<String> out = new ArrayList<>();
        String next = null;
        do {
            Page p = fetch.apply(next);
            if (p.items() != null) out.addAll(p.items());
            next = p.nextToken();
        } while (next != null);
        return out;
    }
}
