package dev.berth.ecs.cost;

import dev.berth.ecs.api.ClusterCalls.ListClustersRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.InstanceCalls.DescribeContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.ListContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.ListContainerInstancesResponse;
import dev.berth.ecs.api.TaskCalls.DescribeTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksResponse;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.engine.provider.CostRequests.Rate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prices what a control plane runs now, through ECS's own List and Describe actions (so it
 * works in process and against a {@code berth server} alike, and changes nothing). The world,
 * not a configuration's state: it is what would be billed, whoever started it, and only it
 * knows when each task started.
 */
public final class RunningCosts {
    private static final int PAGE = 100;
    private final EcsApi api;
    private final PriceList prices;
    private final Clock clock;
    private final Map<String, java.util.Optional<String>> architectures = new HashMap<>();

    public RunningCosts(EcsApi api, PriceList prices, Clock clock) {
        this.api = api;
        this.prices = prices;
        this.clock = clock;
    }

    public RunningCost now() {
        Instant now = clock.instant();
        List<RunningCost.Cluster> clusters = new ArrayList<>();
        String token = null;
        do {
            var page = api.listClusters(new ListClustersRequest(token, PAGE));
            for (String arn : page.clusterArns()) clusters.add(cluster(arn, now));
            token = page.nextToken();
        } while (token != null);
        clusters.sort(java.util.Comparator.comparing(RunningCost.Cluster::name));
        return new RunningCost(now, prices.source(), clusters);
    }

    private RunningCost.Cluster cluster(String arn, Instant now) {
        Map<String, List<RunningCost.Task>> groups = new TreeMap<>();
        for (List<String> chunk : chunks(taskArns(arn))) {
            for (var t : api.describeTasks(new DescribeTasksRequest(arn, chunk, null)).tasks()) {
                if ("STOPPED".equals(t.lastStatus())) continue;
                Instant start = t.startedAt() != null ? t.startedAt() : t.createdAt() != null ? t.createdAt() : now;
                Duration ran = Duration.between(start, now);
                Sizing sizing = Sizing.of(t.taskDefinitionArn(), t.cpu(), t.memory(), architecture(t.taskDefinitionArn()));
                Rate rate = rate(t.launchType(), sizing);
                groups.computeIfAbsent(t.group() == null ? "(no group)" : t.group(), k -> new ArrayList<>())
                        .add(new RunningCost.Task(id(t.taskArn()), t.launchType(), sizing, ran, rate,
                                rate.known() ? Billing.cost(rate.perHour(), ran) : null));
            }
        }
        List<RunningCost.Group> out = new ArrayList<>();
        groups.forEach((name, tasks) -> out.add(new RunningCost.Group(name, tasks)));
        return new RunningCost.Cluster(name(arn), out, instances(arn, now));
    }

    /** FARGATE by size; an EC2 task runs on an instance that is billed instead. */
    private Rate rate(String launchType, Sizing sizing) {
        if (!"FARGATE".equals(launchType)) return Rate.ZERO;
        if (!sizing.known()) return Rate.unknown(sizing.reason());
        return prices.fargate(sizing.shape().arch()).map(r -> Rate.perHour(r.hourly(sizing.shape())))
                .orElseGet(() -> Rate.unknown(prices.source() + " has no FARGATE " + sizing.shape().arch() + " rates"));
    }

    private List<RunningCost.Instance> instances(String cluster, Instant now) {
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            ListContainerInstancesResponse page = api.listContainerInstances(
                    new ListContainerInstancesRequest(cluster, null, token, PAGE, null));
            arns.addAll(page.containerInstanceArns());
            token = page.nextToken();
        } while (token != null);
        List<RunningCost.Instance> out = new ArrayList<>();
        for (List<String> chunk : chunks(arns)) {
            for (ContainerInstance ci : api.describeContainerInstances(
                    new DescribeContainerInstancesRequest(cluster, chunk, null)).containerInstances()) {
                if (!"ACTIVE".equals(ci.status()) && !"DRAINING".equals(ci.status())) continue;
                String type = ci.attributes() == null ? null : ci.attributes().stream()
                        .filter(a -> InstancePricing.INSTANCE_TYPE.equals(a.name())).map(a -> a.value()).findFirst().orElse(null);
                Duration up = Duration.between(ci.registeredAt() == null ? now : ci.registeredAt(), now);
                Rate rate = type == null ? Rate.unknown("it has no " + InstancePricing.INSTANCE_TYPE + " attribute")
                        : InstancePricing.rate(type, prices);
                out.add(new RunningCost.Instance(id(ci.containerInstanceArn()), type, ci.status(), up, rate,
                        rate.known() ? Billing.cost(rate.perHour(), up) : null));
            }
        }
        return out;
    }

    private List<String> taskArns(String cluster) {
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            ListTasksResponse page = api.listTasks(new ListTasksRequest(cluster, null, null, token, PAGE, null, null,
                    "RUNNING", null));
            arns.addAll(page.taskArns());
            token = page.nextToken();
        } while (token != null);
        return arns;
    }

    /** The runtime platform's architecture of a revision, asked once per revision. */
    private String architecture(String taskDefinitionArn) {
        if (taskDefinitionArn == null) return null;
        return architectures.computeIfAbsent(taskDefinitionArn, arn -> {
            try {
                TaskDefinition td = api.describeTaskDefinition(new DescribeTaskDefinitionRequest(arn, null)).taskDefinition();
                return java.util.Optional.ofNullable(Sizing.architecture(td.runtimePlatform()));
            } catch (RuntimeException e) {
                // A revision no longer describable: priced as x86, as a task without a platform is.
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }

    private static List<List<String>> chunks(List<String> all) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += PAGE) out.add(all.subList(i, Math.min(all.size(), i + PAGE)));
        return out;
    }

    private static String id(String arn) {
        return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String name(String clusterArn) {
        return id(clusterArn);
    }
}
