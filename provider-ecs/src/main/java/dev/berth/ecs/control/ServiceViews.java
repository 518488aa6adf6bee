package dev.berth.ecs.control;

import dev.berth.ecs.api.ServiceCalls.Deployment;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.ServiceEvent;
import dev.berth.ecs.store.EventsRow;
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

    /** {@code tasks}: the service's tasks as observed (any status); counts come from what runs, not from records. */
    static Service service(ServiceRecord s, List<TaskObserver.Seen> tasks, List<EventsRow.Event> events, boolean withTags) {
        int running = 0, pending = 0;
        for (TaskObserver.Seen t : tasks) {
            if (t.row().running() && t.alive()) running++;
            else if (TaskRow.PROVISIONING.equals(t.row().status()) || TaskRow.PENDING.equals(t.row().status())) pending++;
        }
        List<Deployment> deployments = new ArrayList<>();
        for (int i = 0; i < s.deployments().size(); i++) {
            ServiceRecord.DeploymentRecord d = s.deployments().get(i);
            int dRunning = 0, dPending = 0, failed = 0;
            for (TaskObserver.Seen t : tasks) {
                if (!d.taskDefinitionArn().equals(t.row().taskDefinitionArn())) continue;
                if (t.row().running() && t.alive()) dRunning++;
                else if (!t.row().stoppedStatus() && !t.row().running()) dPending++;
                else if (TaskRow.TASK_FAILED_TO_START.equals(t.row().stopCode())) failed++;
            }
            // Older deployments show only while their tasks still run, as ECS drops them once drained.
            if (i > 0 && (dRunning == 0 || d.taskDefinitionArn().equals(s.deployments().get(0).taskDefinitionArn()))) {
                continue;
            }
            deployments.add(new Deployment(d.id(), i == 0 ? "PRIMARY" : "ACTIVE", d.taskDefinitionArn(),
                    i == 0 ? s.desiredCount() : 0, dPending, dRunning, failed, instant(d.createdAt()),
                    instant(d.updatedAt()), s.launchType(), d.rolloutState(), d.rolloutStateReason()));
        }
        List<ServiceEvent> out = new ArrayList<>();
        for (EventsRow.Event e : events) {
            String id = UUID.nameUUIDFromBytes((s.serviceArn() + e.at() + e.message()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            out.add(new ServiceEvent(id, instant(e.at()), e.message()));
        }
        return new Service(s.serviceArn(), s.serviceName(), s.clusterArn(), s.status(), s.desiredCount(), running,
                pending, s.launchType(), s.taskDefinitionArn(), s.deploymentConfiguration(), deployments, out,
                instant(s.createdAt()), s.placementConstraints(), s.placementStrategy(), "REPLICA",
                withTags ? s.tags() : null, null);
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
