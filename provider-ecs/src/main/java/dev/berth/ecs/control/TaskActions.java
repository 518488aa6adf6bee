package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.TaskCalls;
import dev.berth.ecs.api.TaskCalls.DockerContainer;
import dev.berth.ecs.service.Deployer;
import dev.berth.ecs.service.ObservedTask;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.EcsStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The control plane's task actions. RunTask and StartTask start one-off tasks (FARGATE ones on
 * the local engine, EC2 ones where the scheduler places them or on the named instances); they
 * belong to no service, so one that ends is recorded STOPPED and not replaced. StopTask stops
 * any task, a service's too (its service then replaces it). List and describe look at the
 * engines first, so what they say is what runs.
 */
final class TaskActions implements TaskCalls {
    /** How long a stopped container gets to end on its own before it is killed, as the service path gives it. */
    private static final Duration STOP_GRACE = dev.berth.ecs.runtime.StopTimeouts.agentDefault();

    private final Lookups lookups;
    private final OneOffRuns runs;
    private final TaskObserver observer;
    private final TaskLists lists;
    private final Table<TaskRow> tasks;
    private final Table<InstanceRow> instances;
    private final Table<PlacementRow> placements;
    private final Function<String, ContainerRuntime> runtimes;
    private final Clock clock;
    private final Deployer deployer;
    private final ReadScope sharedListing;
    /** Its placement lock is held over a RunTask's or StartTask's reads, decisions and bookings. */
    private final EcsStore store;

    /**
     * {@code deployer}: the services' deployment path, whose account Fargate quota RunTask stays
     * within and whose view of each service's containers DescribeTasks adds (berth's addition);
     * {@code sharedListing}: look at the engines through the listing one command's reads share.
     */
    TaskActions(EcsStore store, Function<String, ContainerRuntime> runtimes, Deployer deployer, ReadScope sharedListing,
                Clock clock) {
        IntSupplier fargateCpuUnits = deployer::fargateCpuUnits;
        this.deployer = deployer;
        this.sharedListing = sharedListing;
        this.lookups = new Lookups(store);
        this.observer = new TaskObserver(store, runtimes, clock,
                () -> sharedListing.active() ? deployer.sharedContainers() : null);
        this.lists = new TaskLists(observer);
        this.runs = new OneOffRuns(lookups, new ClusterView(store), new OneOffLauncher(store, runtimes, clock),
                new Table<>(store, InstanceRow.TABLE, InstanceRow.class),
                new Table<>(store, TaskAttributes.TABLE, TaskAttributes.class), fargateCpuUnits);
        this.tasks = new Table<>(store, TaskRow.TABLE, TaskRow.class);
        this.instances = new Table<>(store, InstanceRow.TABLE, InstanceRow.class);
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
        this.runtimes = runtimes;
        this.clock = clock;
        this.store = store;
    }

    @Override
    public RunTaskResponse runTask(RunTaskRequest request) {
        OneOffRuns.Outcome o;
        try (EcsStore.Held placing = store.holdPlacement()) {
            o = runs.run(request);
        }
        return new RunTaskResponse(describe(o.cluster(), o.taskArns(), true).tasks(), o.failures());
    }

    @Override
    public StartTaskResponse startTask(StartTaskRequest request) {
        OneOffRuns.Outcome o;
        try (EcsStore.Held placing = store.holdPlacement()) {
            o = runs.start(request);
        }
        return new StartTaskResponse(describe(o.cluster(), o.taskArns(), true).tasks(), o.failures());
    }

    @Override
    public StopTaskResponse stopTask(StopTaskRequest request) {
        ClusterRow cluster = lookups.cluster(request.cluster());
        if (request.task() == null || request.task().isBlank()) throw EcsException.invalidParameter("Task must be specified.");
        String arn = Lookups.taskArn(cluster, request.task());
        TaskRow row = tasks.get(arn).filter(r -> cluster.arn().equals(r.clusterArn()))
                .orElseThrow(() -> EcsException.invalidParameter("The referenced task was not found."));
        if (!row.stoppedStatus()) {
            String host = placements.get(arn).map(PlacementRow::dockerHost).orElse(null);
            try {
                runtimes.apply(host).stopTask(arn, STOP_GRACE);
            } catch (RuntimeFailure f) {
                // Nothing is recorded: the task still runs as far as anyone can tell.
                throw new EcsException(EcsException.SERVER, f.getMessage());
            }
            // A user's stop says why it stopped, as on ECS, even when an observer beside this call (berth
            // server's agent, following the engine's events) saw the container die first and recorded
            // EssentialContainerExited: that death is this stop's doing.
            TaskRow now = tasks.get(arn).orElse(row);
            String reason = request.reason() == null || request.reason().isBlank() ? "Task stopped by user"
                    : request.reason();
            tasks.put(arn, now.stopped(now.stoppedStatus() ? now.stoppedAt() : clock.instant().toString(),
                    TaskRow.USER_INITIATED, reason));
            placements.delete(arn);
        }
        List<Task> described = describe(cluster, List.of(arn), true).tasks();
        return new StopTaskResponse(described.isEmpty() ? null : described.get(0));
    }

    @Override
    public ListTasksResponse listTasks(ListTasksRequest request) {
        return lists.list(lookups.cluster(request.cluster()), request);
    }

    @Override
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        ClusterRow cluster = lookups.cluster(request.cluster());
        if (request.tasks() == null || request.tasks().isEmpty()) throw EcsException.invalidParameter("Tasks cannot be empty.");
        if (request.tasks().size() > 100) throw EcsException.invalidParameter("A maximum of 100 tasks can be described.");
        List<String> arns = request.tasks().stream().map(t -> Lookups.taskArn(cluster, t)).toList();
        boolean tags = request.include() != null && request.include().contains("TAGS");
        return describe(cluster, arns, tags);
    }

    private DescribeTasksResponse describe(ClusterRow cluster, List<String> arns, boolean withTags) {
        Map<String, TaskObserver.Seen> seen = new HashMap<>();
        for (TaskObserver.Seen s : observer.tasks(cluster.arn(), arns)) seen.put(s.row().taskArn(), s);
        Map<String, Map<String, DockerContainer>> docker = docker(seen.values());
        List<Task> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : new java.util.LinkedHashSet<>(arns)) {
            TaskObserver.Seen s = seen.get(arn);
            if (s == null) failures.add(new Failure(arn, "MISSING"));
            else out.add(TaskViews.task(s, this::definition, this::zone, withTags, docker.getOrDefault(arn, Map.of())));
        }
        return new DescribeTasksResponse(out, failures);
    }

    /**
     * berth's addition for drift detection: the containers of each RUNNING service task as its
     * engine runs them, from the services' own view of their tasks. An engine that does not
     * answer leaves its tasks without it, as they are then described as last recorded.
     */
    private Map<String, Map<String, DockerContainer>> docker(java.util.Collection<TaskObserver.Seen> seen) {
        java.util.Set<String> services = new java.util.TreeSet<>();
        for (TaskObserver.Seen s : seen) if (s.row().serviceArn() != null && s.row().running()) services.add(s.row().serviceArn());
        Map<String, Map<String, DockerContainer>> out = new HashMap<>();
        for (String service : services) {
            try {
                for (ObservedTask t : deployer.tasks(service, sharedListing.active())) out.put(t.arn(), t.docker());
            } catch (RuntimeFailure unreachable) {
                // Described as last recorded, without what Docker runs.
            }
        }
        return out;
    }

    private TaskDefinitionRow definition(String arn) {
        return lookups.registry().find(arn).orElse(null);
    }

    private String zone(String instanceArn) {
        return instances.get(instanceArn).map(i -> i.attributes().get("ecs.availability-zone")).orElse(null);
    }
}
