package dev.berth.ecs.console;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersRequest;
import dev.berth.ecs.api.ClusterCalls.ListClustersRequest;
import dev.berth.ecs.api.ClusterCalls.ListClustersResponse;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.InstanceCalls.DescribeContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.ListContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.ListContainerInstancesResponse;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.ListServicesRequest;
import dev.berth.ecs.api.ServiceCalls.ListServicesResponse;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.TaskCalls.DescribeTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksResponse;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.ListTaskDefinitionFamiliesRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.ListTaskDefinitionFamiliesResponse;
import dev.berth.ecs.api.TaskDefinitionCalls.ListTaskDefinitionsRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.ListTaskDefinitionsResponse;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.console.WorldPicture.ClusterView;
import dev.berth.ecs.console.WorldPicture.Family;
import dev.berth.ecs.console.WorldPicture.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a {@link WorldPicture} through ECS's List and Describe actions, as the AWS CLI would
 * (paged, in batches of the sizes ECS allows). Nothing is changed. A cluster deleted while it is
 * being read is left out rather than failing the whole picture.
 */
public final class WorldReader {
    /** Stopped tasks shown per cluster, the latest first (ECS keeps them about an hour). */
    static final int STOPPED_SHOWN = 20;
    /** Revisions described per family, the newest first. */
    static final int REVISIONS_SHOWN = 10;

    private final EcsApi api;

    public WorldReader(EcsApi api) {
        this.api = api;
    }

    /** Every cluster and every family. */
    public WorldPicture read() {
        List<ClusterView> clusters = new ArrayList<>();
        for (Cluster c : describeClusters(pages(t -> {
            ListClustersResponse r = api.listClusters(new ListClustersRequest(t, null));
            return new Page(r.clusterArns(), r.nextToken());
        }))) {
            try {
                clusters.add(cluster(c));
            } catch (EcsException e) {
                if (!EcsException.CLUSTER_NOT_FOUND.equals(e.errorName())) throw e;
            }
        }
        clusters.sort(Comparator.comparing(ClusterView::name));
        return new WorldPicture(clusters, families());
    }

    /** One cluster (by name or ARN) and the families its tasks and services run; ECS's ClusterNotFoundException when there is none. */
    public WorldPicture read(String cluster) {
        List<Cluster> found = describeClusters(List.of(cluster));
        if (found.isEmpty() || !"ACTIVE".equals(found.get(0).status())) throw EcsException.clusterNotFound();
        ClusterView view = cluster(found.get(0));
        List<String> used = new ArrayList<>();
        for (Task t : view.tasks()) used.add(familyOf(t.taskDefinitionArn()));
        for (Service s : view.services()) used.add(familyOf(s.taskDefinition()));
        return new WorldPicture(List.of(view), families().stream().filter(f -> used.contains(f.family())).toList());
    }

    private ClusterView cluster(Cluster c) {
        String arn = c.clusterArn();
        List<ContainerInstance> instances = new ArrayList<>();
        List<String> instanceArns = pages(t -> {
            ListContainerInstancesResponse r = api.listContainerInstances(
                    new ListContainerInstancesRequest(arn, null, t, null, null));
            return new Page(r.containerInstanceArns(), r.nextToken());
        });
        for (List<String> batch : batches(instanceArns, 100)) {
            var r = api.describeContainerInstances(new DescribeContainerInstancesRequest(arn, batch, null));
            if (r.containerInstances() != null) instances.addAll(r.containerInstances());
        }
        List<Service> services = new ArrayList<>();
        List<String> serviceArns = pages(t -> {
            ListServicesResponse r = api.listServices(new ListServicesRequest(arn, t, null, null, null));
            return new Page(r.serviceArns(), r.nextToken());
        });
        for (List<String> batch : batches(serviceArns, 10)) {
            var r = api.describeServices(new DescribeServicesRequest(arn, batch, null));
            if (r.services() != null) services.addAll(r.services());
        }
        services.sort(Comparator.comparing(Service::serviceName));
        List<Task> running = tasks(arn, "RUNNING");
        List<Task> stopped = new ArrayList<>(tasks(arn, "STOPPED"));
        stopped.sort(Comparator.comparing((Task t) -> orEpoch(t.stoppedAt() != null ? t.stoppedAt() : t.createdAt()))
                .reversed());
        List<Task> shown = new ArrayList<>(running);
        shown.sort(Comparator.comparing((Task t) -> t.group() == null ? "" : t.group())
                .thenComparing(t -> orEpoch(t.createdAt())));
        // A task asked to stop is listed as STOPPED by desired status before it has stopped; it shows once.
        shown.removeIf(t -> stopped.stream().anyMatch(s -> s.taskArn().equals(t.taskArn())));
        shown.addAll(stopped.subList(0, Math.min(STOPPED_SHOWN, stopped.size())));
        return new ClusterView(c, Layout.lanes(instances, shown), services, shown);
    }

    private List<Task> tasks(String cluster, String desiredStatus) {
        List<String> arns = pages(t -> {
            ListTasksResponse r = api.listTasks(new ListTasksRequest(cluster, null, null, t, null, null, null,
                    desiredStatus, null));
            return new Page(r.taskArns(), r.nextToken());
        });
        List<Task> out = new ArrayList<>();
        for (List<String> batch : batches(arns, 100)) {
            var r = api.describeTasks(new DescribeTasksRequest(cluster, batch, null));
            if (r.tasks() != null) out.addAll(r.tasks());
        }
        return out;
    }

    private List<Family> families() {
        List<String> names = pages(t -> {
            ListTaskDefinitionFamiliesResponse r = api.listTaskDefinitionFamilies(
                    new ListTaskDefinitionFamiliesRequest(null, "ACTIVE", t, null));
            return new Page(r.families(), r.nextToken());
        });
        List<Family> out = new ArrayList<>();
        for (String family : names.stream().sorted().distinct().toList()) {
            List<String> arns = pages(t -> {
                ListTaskDefinitionsResponse r = api.listTaskDefinitions(
                        new ListTaskDefinitionsRequest(family, "ACTIVE", "DESC", t, null));
                return new Page(r.taskDefinitionArns(), r.nextToken());
            }).stream().filter(a -> family.equals(familyOf(a))).toList();
            List<Revision> revisions = new ArrayList<>();
            for (String a : arns.subList(0, Math.min(REVISIONS_SHOWN, arns.size()))) {
                revisions.add(revision(api.describeTaskDefinition(new DescribeTaskDefinitionRequest(a, null))
                        .taskDefinition()));
            }
            if (!revisions.isEmpty()) out.add(new Family(family, revisions));
        }
        return out;
    }

    private static Revision revision(TaskDefinition d) {
        List<String> containers = new ArrayList<>();
        if (d.containerDefinitions() != null) {
            for (Map<String, Object> c : d.containerDefinitions()) containers.add(String.valueOf(c.get("name")));
        }
        return new Revision(d.taskDefinitionArn(), d.revision() == null ? 0 : d.revision(), d.status(), d.cpu(),
                d.memory(), d.networkMode(), d.requiresCompatibilities(), containers, d.registeredAt());
    }

    /** "web" of {@code arn:...:task-definition/web:3}, of "web:3" and of "web". */
    static String familyOf(String taskDefinition) {
        if (taskDefinition == null) return "";
        String s = taskDefinition.substring(taskDefinition.lastIndexOf('/') + 1);
        int colon = s.lastIndexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }

    private List<Cluster> describeClusters(List<String> arns) {
        List<Cluster> out = new ArrayList<>();
        for (List<String> batch : batches(arns, 100)) {
            var r = api.describeClusters(new DescribeClustersRequest(batch, null));
            if (r.clusters() != null) out.addAll(r.clusters());
        }
        return out;
    }

    private record Page(List<String> items, String next) {
    }

    private static List<String> pages(Function<String, Page> call) {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            Page p = call.apply(token);
            if (p.items() != null) out.addAll(p.items());
            token = p.next();
        } while (token != null);
        return out;
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) out.add(all.subList(i, Math.min(all.size(), i + size)));
        return out;
    }

    private static Instant orEpoch(Instant t) {
        return t == null ? Instant.EPOCH : t;
    }
}
