package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.VolumeLaunch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Docker volumes of tasks, as ECS's agent keeps them. A task volume is created for its task
 * (named after it and labelled with its ARN) and removed when the task stops. A shared volume is
 * named by the volume's name, created when missing only with autoprovision, checked against the
 * task definition when it exists (as the agent with ECS_SHARED_VOLUME_MATCH_FULL_CONFIG=true
 * checks it), and never removed by berth: like ECS, berth leaves shared data to its owner.
 */
final class VolumeOps {
    private static final System.Logger LOG = System.getLogger(VolumeOps.class.getName());
    /** The ECS volume name a Docker volume was made for. */
    static final String VOLUME_LABEL = "dev.berth.volume";
    /** {@code task} or {@code shared}. */
    static final String SCOPE_LABEL = "dev.berth.volume-scope";
    private static final String CLUSTER_LABEL = "dev.berth.cluster";
    /** The labels berth adds to a shared volume it makes, beside the task definition's own. */
    private static final java.util.Set<String> MARKS = java.util.Set.of(VOLUME_LABEL, SCOPE_LABEL, CLUSTER_LABEL);

    private final DockerClient client;
    private final DockerErrors errors;

    VolumeOps(DockerClient client, DockerErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    /**
     * What a task's volumes are on this engine: each ECS volume name to the source Docker
     * mounts (a host path or a Docker volume name), and the task volumes made for it.
     */
    record Prepared(Map<String, String> sources, List<String> created) {
        static final Prepared NONE = new Prepared(Map.of(), List.of());
    }

    /** Creates or checks every volume of the task; on failure removes what it created and throws. */
    Prepared prepare(TaskLaunch task) {
        if (task.volumes().isEmpty()) return Prepared.NONE;
        requireDrivers(task);
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> created = new ArrayList<>();
        try {
            for (VolumeLaunch v : task.volumes()) {
                switch (v.kind()) {
                    case BIND -> sources.put(v.name(), v.hostPath());
                    case TASK -> {
                        String name = taskVolumeName(task.taskArn(), v.name());
                        Map<String, String> labels = new TreeMap<>(v.labels());
                        labels.putAll(task.labels());
                        labels.put(ContainerNaming.TASK_ARN_LABEL, task.taskArn());
                        labels.put(VOLUME_LABEL, v.name());
                        labels.put(SCOPE_LABEL, "task");
                        create(name, v, labels, task);
                        created.add(name);
                        sources.put(v.name(), name);
                    }
                    case SHARED -> sources.put(v.name(), shared(v, task));
                }
            }
            return new Prepared(sources, created);
        } catch (RuntimeException e) {
            removeQuietly(created);
            throw errors.translate(e, "prepare the volumes of task " + task.taskArn());
        }
    }

    /**
     * ECS places a task whose volume uses a plugin driver only on instances whose agent reported
     * the plugin ({@code ecs.capability.docker-plugin.NAME}); berth asks the engine itself, before
     * anything is made, and says which driver is missing.
     */
    private void requireDrivers(TaskLaunch task) {
        List<VolumeLaunch> plugins = task.volumes().stream().filter(v -> v.kind() != VolumeLaunch.Kind.BIND)
                .filter(v -> !VolumeLaunch.LOCAL_DRIVER.equals(v.driver())).toList();
        if (plugins.isEmpty()) return;
        List<String> installed;
        try {
            Map<String, List<String>> all = client.infoCmd().exec().getPlugins();
            installed = all == null || all.get("Volume") == null ? List.of() : all.get("Volume");
        } catch (RuntimeException e) {
            throw errors.translate(e, "list its volume plugins");
        }
        for (VolumeLaunch v : plugins) {
            if (installed.contains(v.driver())) continue;
            throw new RuntimeFailure("Volume '" + v.name() + "' of task " + task.taskArn() + " uses the volume driver '"
                    + v.driver() + "', which " + errors.where() + " does not have (its volume drivers: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed)) + "); ECS places such a task only "
                    + "on an instance with the attribute ecs.capability.docker-plugin." + v.driver().replace(':', '.')
                    + ".", null);
        }
    }

    private String shared(VolumeLaunch v, TaskLaunch task) {
        InspectVolumeResponse existing = inspect(v.name());
        if (existing == null) {
            if (!v.autoprovision()) {
                throw new RuntimeFailure("initialize volume: volume detection failed, volume '" + v.name()
                        + "' does not exist and autoprovision is set to false (on " + errors.where() + ").", null);
            }
            Map<String, String> labels = new TreeMap<>(v.labels());
            // Marks what berth made, so it can be found; never the task's ARN, which stopTask removes by.
            String cluster = task.labels().get(CLUSTER_LABEL);
            if (cluster != null) labels.put(CLUSTER_LABEL, cluster);
            labels.put(VOLUME_LABEL, v.name());
            labels.put(SCOPE_LABEL, "shared");
            create(v.name(), v, labels, task);
            return v.name();
        }
        match(v, existing);
        return v.name();
    }

    /** The agent's checks of an existing shared volume, in its words; berth's own labels are left out. */
    private void match(VolumeLaunch v, InspectVolumeResponse existing) {
        String driver = existing.getDriver() == null ? VolumeLaunch.LOCAL_DRIVER : existing.getDriver();
        if (!driver.equals(v.driver())) {
            throw new RuntimeFailure("initialize volume: volume '" + v.name() + "' does not match existing volume "
                    + "driver: existing: " + driver + ", expected: " + v.driver() + " (on " + errors.where() + ").", null);
        }
        Map<String, String> labels = new TreeMap<>(existing.getLabels() == null ? Map.of() : existing.getLabels());
        labels.keySet().removeAll(MARKS);
        if (!labels.equals(new TreeMap<>(v.labels()))) {
            throw new RuntimeFailure("initialize volume: volume '" + v.name() + "' does not match existing volume "
                    + "labels: existing: " + goMap(labels) + ", expected: " + goMap(v.labels()) + " (on "
                    + errors.where() + ").", null);
        }
        Map<String, String> options = existing.getOptions() == null ? Map.of() : existing.getOptions();
        if (!new TreeMap<>(options).equals(new TreeMap<>(v.driverOpts()))) {
            throw new RuntimeFailure("initialize volume: volume '" + v.name() + "' does not match existing volume "
                    + "options: existing: " + goMap(options) + ", expected: " + goMap(v.driverOpts()) + " (on "
                    + errors.where() + ").", null);
        }
    }

    private void create(String name, VolumeLaunch v, Map<String, String> labels, TaskLaunch task) {
        try {
            client.createVolumeCmd().withName(name).withDriver(v.driver()).withDriverOpts(new HashMap<>(v.driverOpts()))
                    .withLabels(labels).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "create volume \"" + name + "\" (driver " + v.driver() + ") of task "
                    + task.taskArn());
        }
    }

    private InspectVolumeResponse inspect(String name) {
        try {
            return client.inspectVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw errors.translate(e, "inspect volume \"" + name + "\"");
        }
    }

    /** Removes the task volumes of a task (its containers must be gone); shared volumes stay. */
    void removeForTask(String taskArn) {
        List<InspectVolumeResponse> found;
        try {
            found = client.listVolumesCmd()
                    .withFilter("label", List.of(ContainerNaming.TASK_ARN_LABEL + "=" + taskArn)).exec().getVolumes();
        } catch (RuntimeException e) {
            throw errors.translate(e, "list the volumes of task " + taskArn);
        }
        if (found == null) return;
        for (InspectVolumeResponse v : found) remove(v.getName());
    }

    void removeQuietly(List<String> names) {
        for (String n : names) {
            try {
                remove(n);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not remove volume " + n + " after a failed task start: "
                        + e.getMessage());
            }
        }
    }

    private void remove(String name) {
        try {
            client.removeVolumeCmd(name).exec();
        } catch (NotFoundException gone) {
            // Removed concurrently: the goal is reached.
        } catch (RuntimeException e) {
            throw errors.translate(e, "remove volume \"" + name + "\"");
        }
    }

    /** {@code berth-<task id>-<volume>}, as containers are named, within what Docker accepts. */
    static String taskVolumeName(String taskArn, String volume) {
        return ContainerNaming.containerName(taskArn, volume);
    }

    /** Go's %v of a map, which the agent's messages print: {@code map[a:1 b:2]}, keys sorted. */
    static String goMap(Map<String, String> m) {
        StringBuilder sb = new StringBuilder("map[");
        new TreeMap<>(m).forEach((k, v) -> sb.append(sb.length() > 4 ? " " : "").append(k).append(':').append(v));
        return sb.append(']').toString();
    }
}
