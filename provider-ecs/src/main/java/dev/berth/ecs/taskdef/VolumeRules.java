package dev.berth.ecs.taskdef;

import dev.berth.ecs.taskdef.ContainerMounts.MountPoint;
import dev.berth.ecs.taskdef.ContainerMounts.VolumeFrom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules RegisterTaskDefinition applies to volumes, mount points and volumesFrom, in ECS's
 * words where ECS's are known ("Unknown volume 'x'.", "Invalid 'volumesFrom' setting. Unknown
 * container: 'x'.", "Fargate compatible task definitions do not support sourcePath"). Pure:
 * the HCL validator and the control plane both turn the problems into their own errors, each
 * pointing at the field the problem is in.
 */
public final class VolumeRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private VolumeRules() {
    }

    /** A container as these rules see it. */
    public record Container(String name, ContainerMounts mounts) {
    }

    /**
     * Where a problem is: {@code volume} (an index into volumes) with {@code field} a volume
     * field, or {@code container} (an index into containers) with {@code field} "mountPoints" or
     * "volumesFrom" and {@code item} the entry's index.
     */
    public record Problem(String message, Integer volume, Integer container, String field, int item) {
    }

    public static List<Problem> check(List<TaskVolume> volumes, List<Container> containers, boolean fargate) {
        List<Problem> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < volumes.size(); i++) volume(volumes.get(i), i, fargate, names, out);
        Set<String> containerNames = new HashSet<>();
        for (Container c : containers) if (c.name() != null) containerNames.add(c.name());
        for (int i = 0; i < containers.size(); i++) mounts(containers.get(i), i, names, containerNames, out);
        cycles(containers, out);
        return out;
    }

    private static void volume(TaskVolume v, int i, boolean fargate, Set<String> names, List<Problem> out) {
        String name = v.name();
        if (name == null || name.isEmpty()) {
            out.add(atVolume("Volume name should not be null or empty.", i, "name"));
        } else if (!NAME.matcher(name).matches()) {
            out.add(atVolume("Volume name '" + name + "' is invalid: up to 255 letters (uppercase and lowercase), "
                    + "numbers, underscores and hyphens are allowed.", i, "name"));
        } else if (!names.add(name)) {
            out.add(atVolume("Duplicate volume name '" + name + "': volume names must be unique within a task "
                    + "definition.", i, "name"));
        }
        String label = name == null ? "Volume " + (i + 1) : "Volume '" + name + "'";
        // EFS and FSx are refused by the field table itself; EBS at launch is a flag the table accepts.
        if ("configuredAtLaunch".equals(v.unsupported())) {
            out.add(atVolume(label + ": berth does not honour configuredAtLaunch: there is no Amazon EBS here; use "
                    + "host { sourcePath } or dockerVolumeConfiguration instead.", i, v.unsupported()));
        }
        if (v.sourcePathGiven() && !v.bindMount()) out.add(atVolume("host.sourcePath should not be blank.", i, "host"));
        // Docker reads a relative source as the name of a volume: refused rather than silently meant otherwise.
        if (v.bindMount() && !v.sourcePath().startsWith("/")) {
            out.add(atVolume(label + ": host.sourcePath '" + v.sourcePath() + "' must be an absolute path.", i,
                    "host"));
        }
        if (v.bindMount() && v.docker() != null) {
            out.add(atVolume(label + " sets both host.sourcePath and dockerVolumeConfiguration; a volume is one or the "
                    + "other.", i, "dockerVolumeConfiguration"));
        }
        if (fargate && v.bindMount()) {
            out.add(atVolume("Fargate compatible task definitions do not support sourcePath", i, "host"));
        }
        if (v.docker() != null) docker(v.docker(), label, i, fargate, out);
    }

    private static void docker(TaskVolume.DockerVolume d, String label, int i, boolean fargate, List<Problem> out) {
        String field = "dockerVolumeConfiguration";
        if (fargate) out.add(atVolume("Fargate compatible task definitions do not support " + field, i, field));
        String scope = d.effectiveScope();
        if (!scope.equals(TaskVolume.DockerVolume.TASK) && !scope.equals(TaskVolume.DockerVolume.SHARED)) {
            out.add(atVolume(label + ": scope '" + scope + "' is not one of 'task', 'shared'.", i, field));
        } else if (!d.shared() && Boolean.FALSE.equals(d.autoprovision())) {
            // ECS's own words, as RegisterTaskDefinition answers them (its guide says the opposite).
            out.add(atVolume("When 'scope' parameter is 'task', 'autoprovision' must either not be specified or set "
                    + "to 'True'.", i, field));
        }
        if (d.driver() != null && d.driver().isBlank()) {
            out.add(atVolume("volume.dockerVolumeConfiguration.driver should not be null or empty.", i, field));
        }
    }

    private static void mounts(Container c, int i, Set<String> volumes, Set<String> containers, List<Problem> out) {
        String who = c.name() == null ? "Container " + (i + 1) : "Container '" + c.name() + "'";
        Set<String> paths = new HashSet<>();
        List<MountPoint> mps = c.mounts().mountPoints();
        for (int j = 0; j < mps.size(); j++) {
            MountPoint m = mps.get(j);
            if (m.sourceVolume() == null || !volumes.contains(m.sourceVolume())) {
                out.add(new Problem("Unknown volume '" + m.sourceVolume() + "'.", null, i, "mountPoints", j));
            }
            if (m.containerPath() == null || m.containerPath().isBlank()) {
                out.add(new Problem(who + ": the mount point of volume '" + m.sourceVolume()
                        + "' needs a containerPath.", null, i, "mountPoints", j));
            } else if (!m.containerPath().startsWith("/")) {
                out.add(new Problem(who + ": containerPath '" + m.containerPath() + "' must be an absolute path.",
                        null, i, "mountPoints", j));
            } else if (!paths.add(strip(m.containerPath()))) {
                out.add(new Problem(who + " mounts two volumes at " + m.containerPath() + ".", null, i, "mountPoints", j));
            }
        }
        List<VolumeFrom> from = c.mounts().volumesFrom();
        for (int j = 0; j < from.size(); j++) {
            String source = from.get(j).sourceContainer();
            if (source == null || !containers.contains(source)) {
                out.add(new Problem("Invalid 'volumesFrom' setting. Unknown container: '" + source + "'.", null, i,
                        "volumesFrom", j));
            } else if (source.equals(c.name())) {
                out.add(new Problem(who + " cannot take volumes from itself.", null, i, "volumesFrom", j));
            }
        }
    }

    /** Docker creates a volumesFrom source before its user, so a cycle could never start. */
    private static void cycles(List<Container> containers, List<Problem> out) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            if (c.name() == null || index.containsKey(c.name())) continue;
            index.put(c.name(), i);
            List<String> to = new ArrayList<>();
            for (VolumeFrom f : c.mounts().volumesFrom()) {
                if (f.sourceContainer() != null && !f.sourceContainer().equals(c.name())) to.add(f.sourceContainer());
            }
            edges.put(c.name(), to);
        }
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            String cycle = walk(start, edges, done, path);
            if (cycle != null) {
                List<String> loop = new ArrayList<>(path.subList(path.indexOf(cycle), path.size()));
                loop.add(cycle);
                out.add(new Problem("Invalid 'volumesFrom' setting. Containers take volumes from each other in a "
                        + "cycle: " + String.join(" -> ", loop) + ".", null, index.get(start), "volumesFrom", 0));
                return;
            }
        }
    }

    private static String walk(String node, Map<String, List<String>> edges, Set<String> done, List<String> path) {
        if (path.contains(node)) return node;
        if (done.contains(node) || !edges.containsKey(node)) return null;
        path.add(node);
        for (String next : edges.get(node)) {
            String cycle = walk(next, edges, done, path);
            if (cycle != null) return cycle;
        }
        path.remove(path.size() - 1);
        done.add(node);
        return null;
    }

    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Problem atVolume(String message, int volume, String field) {
        return new Problem(message, volume, null, field, 0);
    }
}
