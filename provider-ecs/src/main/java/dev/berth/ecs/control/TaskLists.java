package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksResponse;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.TaskIndex;
import dev.berth.ecs.store.TaskRow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * ECS's ListTasks over the tasks' index: the tasks not STOPPED are looked at on their engines
 * (their desired status is STOPPED once their essential container ended), the STOPPED ones are
 * answered from their rows alone, since no engine holds them, and only as many of them as the
 * page shows are looked at. With 10,000 stopped tasks in a cluster a list used to decode,
 * filter and sort all of them on every call.
 */
final class TaskLists {
    private final TaskObserver observer;

    TaskLists(TaskObserver observer) {
        this.observer = observer;
    }

    ListTasksResponse list(ClusterRow cluster, ListTasksRequest request) {
        String desired = request.desiredStatus() == null || "PENDING".equals(request.desiredStatus()) ? "RUNNING"
                : request.desiredStatus();
        if (!desired.equals("RUNNING") && !desired.equals("STOPPED")) {
            throw EcsException.invalidParameter("desiredStatus must be RUNNING, PENDING or STOPPED.");
        }
        String serviceArn = request.serviceName() == null ? null
                : request.serviceName().startsWith("arn:") ? request.serviceName()
                : dev.berth.ecs.arn.EcsArn.service(cluster.name(), request.serviceName());
        Predicate<TaskObserver.Seen> wanted = filter(request, serviceArn);
        TaskIndex index = observer.index();
        List<String> live = new ArrayList<>();
        for (TaskObserver.Seen s : observer.live(index, cluster.arn(), serviceArn)) {
            if (desired.equals(TaskViews.desiredStatus(s)) && wanted.test(s)) live.add(s.row().taskArn());
        }
        live.sort(null);
        if (desired.equals("RUNNING")) {
            ArnPages page = ArnPages.of(live, request.nextToken(), request.maxResults());
            return new ListTasksResponse(page.page(), page.nextToken());
        }
        List<String> stopped = serviceArn == null ? index.stopped(cluster.arn()) : stoppedOf(index, cluster, serviceArn);
        Function<String, PlacementRow> places = request.containerInstance() != null || request.launchType() != null
                ? observer.placements() : arn -> null;
        Predicate<String> shown = arn -> {
            TaskRow r = index.row(arn).orElse(null);
            TaskObserver.Seen s = r == null ? null : observer.stopped(r, places);
            return s != null && wanted.test(s);
        };
        ArnPages page = ArnPages.ofMerged(live, stopped, shown, request.nextToken(), request.maxResults());
        return new ListTasksResponse(page.page(), page.nextToken());
    }

    private static List<String> stoppedOf(TaskIndex index, ClusterRow cluster, String serviceArn) {
        List<String> out = new ArrayList<>();
        for (TaskRow r : index.service(serviceArn)) {
            if (r.stoppedStatus() && cluster.arn().equals(r.clusterArn())) out.add(r.taskArn());
        }
        out.sort(null);
        return out;
    }

    private static Predicate<TaskObserver.Seen> filter(ListTasksRequest request, String serviceArn) {
        return s -> {
            TaskRow r = s.row();
            if (serviceArn != null && !serviceArn.equals(r.serviceArn())) return false;
            if (request.family() != null && !request.family().equals(TaskViews.family(r.taskDefinitionArn()))) return false;
            if (request.startedBy() != null && !request.startedBy().equals(r.startedBy())) return false;
            if (request.launchType() != null && !request.launchType().equals(TaskViews.launchType(s))) return false;
            String instanceArn = TaskViews.instanceArn(s);
            return request.containerInstance() == null || (instanceArn != null
                    && (instanceArn.equals(request.containerInstance())
                    || instanceArn.endsWith("/" + request.containerInstance())));
        };
    }
}
