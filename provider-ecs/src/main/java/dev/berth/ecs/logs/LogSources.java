package dev.berth.ecs.logs;

import dev.berth.ecs.api.ClusterCalls.ListClustersRequest;
import dev.berth.ecs.api.ClusterCalls.ListClustersResponse;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.InstanceCalls.DescribeContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.TaskCalls.Container;
import dev.berth.ecs.api.TaskCalls.DescribeTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksResponse;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.runtime.LogRoute;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.taskdef.LogConfiguration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code berth logs} reads: the tasks a service runs or ran (within the hour ECS keeps
 * stopped tasks) or the one task named, and for each of their containers the stream its output
 * is kept under, found through ECS's own actions (DescribeServices, ListTasks, DescribeTasks,
 * DescribeTaskDefinition) and named by {@link LogRouting}, as the container was started.
 */
public final class LogSources {
    /**
     * One container's output. {@code group} is null when berth does not keep it (a Docker
     * driver); {@code driver} then says which. {@code dockerHost} is the engine it ran on (null:
     * the local one). {@code running} is false once its task is STOPPED: its output is then complete.
     */
    public record Source(String taskArn, String container, String driver, String group, String stream,
                         String runtimeId, String dockerHost, boolean running) {
        public boolean kept() {
            return group != null;
        }

        public String taskId() {
            return LogRouting.taskId(taskArn);
        }

        /** The labels a kept container carries, as the engine's keeper reads them. */
        public Map<String, String> labels() {
            Map<String, String> labels = new HashMap<>();
            labels.put(LogRoute.GROUP_LABEL, group);
            labels.put(LogRoute.STREAM_LABEL, stream);
            return labels;
        }
    }

    private final EcsApi api;

    public LogSources(EcsApi api) {
        this.api = api;
    }

    /**
     * The sources of a service (by name) or a task (ARN or id) in {@code cluster}, or in every
     * cluster when it is null; only {@code container}'s when that is given. Throws
     * {@link EcsException} when nothing has that name.
     */
    public List<Source> find(String target, String cluster, String container) {
        List<Task> tasks = tasks(target, cluster);
        List<Source> out = new ArrayList<>();
        Map<String, List<Map<String, Object>>> definitions = new HashMap<>();
        Map<String, String> hosts = new HashMap<>();
        for (Task t : tasks) {
            List<Map<String, Object>> defs = definitions.computeIfAbsent(t.taskDefinitionArn(), arn ->
                    api.describeTaskDefinition(new DescribeTaskDefinitionRequest(arn, null)).taskDefinition()
                            .containerDefinitions());
            String host = t.containerInstanceArn() == null ? null
                    : hosts.computeIfAbsent(t.containerInstanceArn(), arn -> dockerHost(t.clusterArn(), arn));
            for (Map<String, Object> def : defs) {
                String name = String.valueOf(def.get("name"));
                if (container != null && !container.equals(name)) continue;
                String runtimeId = t.containers() == null ? null : t.containers().stream()
                        .filter(c -> name.equals(c.name())).map(Container::runtimeId).findFirst().orElse(null);
                LogConfiguration lc = LogConfiguration.of(Json.MAPPER.valueToTree(def.get("logConfiguration")));
                LogRoute route = LogRouting.route(lc, t.taskArn(), name);
                String driver = lc == null ? null : lc.logDriver();
                boolean running = !"STOPPED".equals(t.lastStatus());
                if (route == null || !route.kept()) {
                    out.add(new Source(t.taskArn(), name, driver, null, null, runtimeId, host, running));
                } else {
                    String stream = route.stream() != null ? route.stream() : runtimeId;
                    out.add(new Source(t.taskArn(), name, driver, route.group(), stream, runtimeId, host, running));
                }
            }
        }
        if (container != null && out.isEmpty()) {
            throw EcsException.invalidParameter("No container named \"" + container + "\" in " + target + ".");
        }
        return out;
    }

    private List<Task> tasks(String target, String cluster) {
        var arn = EcsArn.parse(target).filter(a -> a.resourceType().equals("task"));
        if (arn.isPresent()) {
            String path = arn.get().path();
            String inCluster = cluster != null ? cluster : path.contains("/") ? path.substring(0, path.indexOf('/')) : "default";
            List<Task> found = describe(inCluster, List.of(target));
            if (found.isEmpty()) throw notFound(target, cluster);
            return found;
        }
        for (String c : cluster != null ? List.of(cluster) : clusters()) {
            List<Service> services = api.describeServices(new DescribeServicesRequest(c, List.of(target), null)).services();
            if (services != null && !services.isEmpty()) return serviceTasks(c, services.get(0).serviceName());
            List<Task> task = describe(c, List.of(target));
            if (!task.isEmpty()) return task;
        }
        throw notFound(target, cluster);
    }

    /** Its running tasks and those stopped within the hour, oldest first. */
    private List<Task> serviceTasks(String cluster, String service) {
        Map<String, Boolean> arns = new LinkedHashMap<>();
        for (String status : List.of("STOPPED", "RUNNING")) {
            String token = null;
            do {
                ListTasksResponse r = api.listTasks(new ListTasksRequest(cluster, null, null, token, null, null,
                        service, status, null));
                for (String a : r.taskArns()) arns.put(a, true);
                token = r.nextToken();
            } while (token != null);
        }
        List<String> all = new ArrayList<>(arns.keySet());
        List<Task> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 100) out.addAll(describe(cluster, all.subList(i, Math.min(all.size(), i + 100))));
        out.sort(java.util.Comparator.comparing((Task t) -> t.createdAt() == null ? java.time.Instant.EPOCH : t.createdAt()));
        return out;
    }

    private List<Task> describe(String cluster, List<String> tasks) {
        try {
            List<Task> found = api.describeTasks(new DescribeTasksRequest(cluster, tasks, null)).tasks();
            return found == null ? List.of() : found;
        } catch (EcsException e) {
            if (EcsException.CLUSTER_NOT_FOUND.equals(e.errorName())) return List.of();
            throw e;
        }
    }

    private List<String> clusters() {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            ListClustersResponse r = api.listClusters(new ListClustersRequest(token, null));
            out.addAll(r.clusterArns());
            token = r.nextToken();
        } while (token != null);
        return out;
    }

    private String dockerHost(String cluster, String instanceArn) {
        List<ContainerInstance> found = api.describeContainerInstances(
                new DescribeContainerInstancesRequest(cluster, List.of(instanceArn), null)).containerInstances();
        return found == null || found.isEmpty() ? null : found.get(0).dockerHost();
    }

    private static EcsException notFound(String target, String cluster) {
        return new EcsException(EcsException.RESOURCE_NOT_FOUND, "No service or task named \"" + target + "\""
                + (cluster == null ? " in any cluster." : " in cluster " + cluster + "."));
    }
}
