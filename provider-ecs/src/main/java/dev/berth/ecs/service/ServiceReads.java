package dev.berth.ecs.service;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.TaskCalls.DescribeTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksResponse;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service read as terraform-provider-aws reads one, through ECS's actions only: DescribeServices
 * for the service (its desired count, revision, events, and berth's orphaned containers), then
 * ListTasks and DescribeTasks for its tasks, running and recently stopped, whose containers carry
 * what Docker runs (berth's addition), so drift shows whichever client or process made it.
 */
final class ServiceReads {
    /** DescribeTasks takes at most 100 tasks. */
    private static final int BATCH = 100;

    /** An engine running the service's tasks did not answer; what it runs is unknown. */
    static final class EngineUnreachable extends RuntimeException {
        EngineUnreachable(String message) {
            super(message);
        }
    }

    private final EcsApi api;

    ServiceReads(EcsApi api) {
        this.api = api;
    }

    /** The ACTIVE service by ARN; empty when it does not exist, was deleted, or its cluster is gone. */
    Optional<Service> describe(String arn) {
        try {
            return api.describeServices(new DescribeServicesRequest(clusterOf(arn), List.of(arn), null)).services()
                    .stream().filter(s -> "ACTIVE".equals(s.status())).findFirst();
        } catch (EcsException e) {
            if (EcsException.CLUSTER_NOT_FOUND.equals(e.errorName())) return Optional.empty();
            throw e;
        }
    }

    /** {@code base} with the service's tasks, orphans and events as the control plane shows them now. */
    MapValue state(MapValue base, Service s) {
        if (s.engineFailure() != null) throw new EngineUnreachable(s.engineFailure());
        MapValue state = ServiceState.withTasks(base, tasks(s), s.orphanedContainers());
        return state.with(Ec2ServiceSchema.EVENTS, events(s));
    }

    private List<Task> tasks(Service s) {
        Set<String> arns = new LinkedHashSet<>();
        for (String status : List.of("RUNNING", "STOPPED")) {
            String next = null;
            do {
                ListTasksResponse page = api.listTasks(new ListTasksRequest(s.clusterArn(), null, null, next, BATCH,
                        null, s.serviceName(), status, null));
                arns.addAll(page.taskArns());
                next = page.nextToken();
            } while (next != null);
        }
        List<String> all = new ArrayList<>(arns);
        List<Task> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            out.addAll(api.describeTasks(new DescribeTasksRequest(s.clusterArn(),
                    all.subList(i, Math.min(all.size(), i + BATCH)), null)).tasks());
        }
        return out;
    }

    /** The service's events, newest first, as the {@code events} attribute: a list of {at, message}. */
    private static Value events(Service s) {
        List<Value> out = new ArrayList<>();
        if (s.events() != null) {
            for (var e : s.events()) {
                out.add(new MapValue(Map.of(Ec2ServiceSchema.E_AT, Value.of(e.createdAt() == null ? ""
                        : e.createdAt().toString()), Ec2ServiceSchema.E_MESSAGE, Value.of(e.message()))));
            }
        }
        return Value.list(out);
    }

    /** The cluster ARN of a service ARN (".../service/CLUSTER/NAME"). */
    static String clusterOf(String serviceArn) {
        String path = EcsArn.parse(serviceArn).map(EcsArn::path).orElse(serviceArn);
        return EcsArn.cluster(path.substring(0, path.indexOf('/')));
    }
}
