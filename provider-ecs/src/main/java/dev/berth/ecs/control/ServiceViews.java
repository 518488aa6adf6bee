package dev.berth.ecs.control;

import dev.berth.ecs.api.ServiceCalls.Deployment;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.ServiceEvent;
import dev.berth.ecs.store.EventsRow;
import dev.berth.ecs.service.ObservedTask;
import dev.berth.ecs.store.TaskRow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A service record joined with its tasks as the engines show them, in ECS's Service shape. */
final class ServiceViews {
    private ServiceViews() {
    }

    /**
     * {@code tasks}: the service's RUNNING tasks as the engines show them, so counts come from what
     * runs; {@code starting}: its tasks still PROVISIONING or PENDING.
     */
    static Service service(ServiceRecord s, List<ObservedTask> tasks, List<TaskRow> starting,
                           List<EventsRow.Event> events, boolean withTags) {
        int running = (int) tasks.stream().filter(ObservedTask::running).count();
        int pending = starting.size();
        List<Deployment> deployments = new ArrayList<>();
        for (int i = 0; i < s.deployments().size(); i++) {
            ServiceRecord.DeploymentRecord d = s.deployments().get(i);
            String td = d.taskDefinitionArn();
            int dRunning = (int) tasks.stream().filter(t -> t.running() && td.equals(t.row().taskDefinitionArn())).count();
            int dPending = (int) starting.stream().filter(t -> td.equals(t.taskDefinitionArn())).count();
            int failed = 0;
            // Older deployments show only while their tasks still run, as ECS drops them once drained.
            if (i > 0 && (dRunning == 0 || d.taskDefinitionArn().equals(s.deployments().get(0).taskDefinitionArn()))) {
                continue;
            }
            deployments.add(new Deployment(d.id(), i == 0 ? "PRIMARY" : "ACTIVE", d.taskDefinitionArn(),
                    i == 0 ? s.desiredCount() : 0, dPending, dRunning, failed, instant(d.createdAt()),
                    instant(d.updatedAt()), s.launchType(), d.rolloutState(), d.rolloutStateReason()));
        }
        List<ServiceEvent> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventsRow.Event e = events.get(i);
            // An event an older berth stored has no id: one is made from it and its place, counted
            // from the oldest, so it stays the same as newer events come in.
            String id = e.id() != null ? e.id() : UUID.nameUUIDFromBytes((s.serviceArn() + e.at() + e.message() + "#"
                    + (events.size() - i)).getBytes(StandardCharsets.UTF_8)).toString();
            out.add(new ServiceEvent(id, instant(e.at()), e.message()));
        }
        return new Service(s.serviceArn(), s.serviceName(), s.clusterArn(), s.status(), s.desiredCount(), running,
                pending, s.launchType(), s.taskDefinitionArn(), s.deploymentConfiguration(), deployments, out,
                instant(s.createdAt()), s.placementConstraints(), s.placementStrategy(), "REPLICA",
                withTags ? s.tags() : null, null);
    }

    /** {@code s} with berth's additions for drift detection: orphaned containers, and why an engine was not asked. */
    static Service withObservation(Service s, List<String> orphans, String engineFailure) {
        return new Service(s.serviceArn(), s.serviceName(), s.clusterArn(), s.status(), s.desiredCount(),
                s.runningCount(), s.pendingCount(), s.launchType(), s.taskDefinition(), s.deploymentConfiguration(),
                s.deployments(), s.events(), s.createdAt(), s.placementConstraints(), s.placementStrategy(),
                s.schedulingStrategy(), s.tags(), s.createdBy(), orphans, engineFailure);
    }

    static Instant instant(String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
