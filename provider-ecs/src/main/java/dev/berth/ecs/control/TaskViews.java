package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.NetworkBinding;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.TaskCalls.Container;
import dev.berth.ecs.api.TaskCalls.DockerContainer;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.PublishedPort;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A recorded task joined with its containers as seen, in ECS's Task and Container shapes. */
final class TaskViews {
    private TaskViews() {
    }

    /**
     * The task as ECS would describe it now. A task whose essential container died but whose
     * row still says RUNNING (a service's, not yet replaced) is shown STOPPED: that is what runs.
     */
    static Task task(TaskObserver.Seen s, Function<String, TaskDefinitionRow> definitions,
                     Function<String, String> zoneOfInstance, boolean withTags) {
        return task(s, definitions, zoneOfInstance, withTags, Map.of());
    }

    /** {@code docker}: a service task's containers as its engine runs them, by name (berth's addition). */
    static Task task(TaskObserver.Seen s, Function<String, TaskDefinitionRow> definitions,
                     Function<String, String> zoneOfInstance, boolean withTags, Map<String, DockerContainer> docker) {
        TaskRow r = s.row();
        TaskAttributes a = s.attributes();
        TaskDefinitionRow td = definitions.apply(r.taskDefinitionArn());
        boolean died = died(s);
        String lastStatus = died ? TaskRow.STOPPED : r.status();
        String desired = desiredStatus(s);
        String instanceArn = instanceArn(s);
        String launchType = launchType(s);
        String group = r.group() != null ? r.group() : r.serviceArn() == null ? null
                : "service:" + r.serviceArn().substring(r.serviceArn().lastIndexOf('/') + 1);
        String cpu = a != null && a.overrides() != null && a.overrides().cpu() != null ? a.overrides().cpu()
                : td == null ? null : td.cpu();
        String memory = a != null && a.overrides() != null && a.overrides().memory() != null ? a.overrides().memory()
                : td == null ? null : td.memory();
        Instant created = instant(a != null ? a.createdAt() : r.startedAt());
        List<Tag> tags = withTags ? (a == null ? List.of() : a.tags()) : null;
        return new Task(r.taskArn(), r.clusterArn(), r.taskDefinitionArn(), instanceArn, containers(s, td, died, docker),
                lastStatus, desired, launchType, cpu, memory, group, r.startedBy(),
                instanceArn == null ? null : zoneOfInstance.apply(instanceArn), created, instant(r.startedAt()),
                null, died ? null : instant(r.stoppedAt()), died ? TaskRow.ESSENTIAL_CONTAINER_EXITED : r.stopCode(),
                died ? TaskRow.ESSENTIAL_EXITED_REASON : r.stoppedReason(), "UNKNOWN",
                a == null ? null : a.overrides(), tags, 1L, r.seq(), r.status());
    }

    /** A task whose row says RUNNING but whose essential container no longer runs. */
    static boolean died(TaskObserver.Seen s) {
        return s.row().running() && !s.alive();
    }

    /** ECS's desiredStatus: STOPPED once stopped or dead, else RUNNING. */
    static String desiredStatus(TaskObserver.Seen s) {
        return s.row().stoppedStatus() || died(s) ? TaskRow.STOPPED : TaskRow.RUNNING;
    }

    static String instanceArn(TaskObserver.Seen s) {
        return s.placement() == null ? null : s.placement().instanceArn();
    }

    /** As recorded; rows from before launch types were recorded: EC2 when placed on an instance. */
    static String launchType(TaskObserver.Seen s) {
        String recorded = s.row().launchType();
        return recorded != null ? recorded : instanceArn(s) != null ? "EC2" : "FARGATE";
    }

    private static List<Container> containers(TaskObserver.Seen s, TaskDefinitionRow td, boolean died,
                                              Map<String, DockerContainer> docker) {
        TaskRow r = s.row();
        Map<String, ContainerInfo> live = s.containers() == null ? Map.of() : dev.berth.ecs.service.ObservedTask.byName(s.containers());
        List<Container> out = new ArrayList<>();
        List<ContainerDefinition> defs = td == null ? List.of() : ContainerDefinition.of(td);
        for (ContainerDefinition d : defs) {
            java.util.Optional<TaskRow.TaskContainer> recorded = r.containers().stream()
                    .filter(c -> c.name().equals(d.name())).findFirst();
            String runtimeId = recorded.map(TaskRow.TaskContainer::containerId).orElse(null);
            String imageDigest = recorded.map(TaskRow.TaskContainer::imageDigest).orElse(null);
            ContainerInfo info = live.get(d.name());
            TaskRow.Exit exit = r.exit(d.name());
            String status;
            Integer exitCode = exit == null ? null : exit.exitCode();
            List<NetworkBinding> bindings = List.of();
            if (r.stoppedStatus()) {
                status = TaskRow.STOPPED;
            } else if (!r.running()) {
                status = TaskRow.PENDING;
            } else if (info != null) {
                status = info.running() ? TaskRow.RUNNING : TaskRow.STOPPED;
                if (!info.running()) {
                    exitCode = info.exitCode();
                    if (exit == null) exit = new TaskRow.Exit(exitCode, info.exitReason());
                }
                bindings = bindings(info);
            } else {
                // Not seen: removed behind the control plane's back, or its engine did not answer.
                status = s.reached() ? TaskRow.STOPPED : TaskRow.RUNNING;
                if (!s.reached()) bindings = recordedBindings(r, d.name());
            }
            String reason = exit == null ? null : exit.reason();
            if (reason == null && died && TaskRow.STOPPED.equals(status) && info == null) {
                reason = "The container no longer exists on its engine.";
            }
            out.add(new Container(containerArn(r.taskArn(), d.name()), r.taskArn(), d.name(), d.image(),
                    imageDigest, runtimeId,
                    status, exitCode, reason, bindings, "UNKNOWN", d.cpu() == null ? "0" : String.valueOf(d.cpu()),
                    d.memory() == null ? null : String.valueOf(d.memory()),
                    d.memoryReservation() == null ? null : String.valueOf(d.memoryReservation()), docker.get(d.name())));
        }
        return out;
    }

    /** ECS's container ARN: container/CLUSTER/TASK_ID/NAME (ECS ends it with a UUID; the name keeps it stable). */
    static String containerArn(String taskArn, String name) {
        String path = EcsArn.parse(taskArn).map(EcsArn::path).orElse(taskArn);
        return "arn:aws:ecs:" + EcsArn.REGION + ":" + EcsArn.ACCOUNT + ":container/" + path + "/" + name;
    }

    static List<NetworkBinding> bindings(ContainerInfo info) {
        List<NetworkBinding> out = new ArrayList<>();
        for (PublishedPort p : info.ports()) {
            if (p.hostPort() <= 0) continue;
            String ip = p.hostIp() == null || p.hostIp().isBlank() || "0.0.0.0".equals(p.hostIp()) ? "127.0.0.1" : p.hostIp();
            out.add(new NetworkBinding(ip, p.containerPort(), p.hostPort(), p.protocol()));
        }
        return out;
    }

    /** Bindings from the endpoints recorded at start ("name:80/tcp" to "127.0.0.1:32768"). */
    private static List<NetworkBinding> recordedBindings(TaskRow r, String name) {
        List<NetworkBinding> out = new ArrayList<>();
        r.endpoints().forEach((key, where) -> {
            if (!key.startsWith(name + ":")) return;
            String portProto = key.substring(name.length() + 1);
            int slash = portProto.indexOf('/');
            int colon = where.lastIndexOf(':');
            out.add(new NetworkBinding(where.substring(0, colon), Integer.parseInt(portProto.substring(0, slash)),
                    Integer.parseInt(where.substring(colon + 1)), portProto.substring(slash + 1)));
        });
        return out;
    }

    private static Instant instant(String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The family of a task definition ARN ("web" of ".../task-definition/web:3"). */
    static String family(String taskDefinitionArn) {
        String path = EcsArn.parse(taskDefinitionArn).map(EcsArn::path).orElse(taskDefinitionArn);
        int colon = path.lastIndexOf(':');
        return colon < 0 ? path : path.substring(0, colon);
    }
}
