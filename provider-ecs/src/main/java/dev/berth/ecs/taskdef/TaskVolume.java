package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a task definition's {@code volumes}, read from its canonical JSON (ECS's
 * camelCase). A view over what the field table parsed, never a second parser: values of the
 * wrong type were refused before they got here, so a missing or null value is simply absent.
 *
 * <p>ECS's kinds: {@code host { sourcePath }} is a bind mount of a host path; a volume with no
 * {@code sourcePath} (and no other configuration) is an empty volume that lives as long as the
 * task; {@code dockerVolumeConfiguration} is a Docker volume, scoped to the task or shared.
 * {@code unsupported} names the field of a kind berth cannot provide (EFS, FSx, EBS at launch).
 */
public record TaskVolume(String name, String sourcePath, boolean sourcePathGiven, DockerVolume docker,
                         String unsupported) {

    /** ECS's volume fields berth has no storage for. */
    static final List<String> UNSUPPORTED = List.of("efsVolumeConfiguration",
            "fsxWindowsFileServerVolumeConfiguration");

    /** {@code dockerVolumeConfiguration}; null means absent (ECS's defaults come from the effective getters). */
    public record DockerVolume(String scope, Boolean autoprovision, String driver, Map<String, String> driverOpts,
                               Map<String, String> labels) {
        public static final String TASK = "task", SHARED = "shared", LOCAL = "local";

        public DockerVolume {
            driverOpts = driverOpts == null ? Map.of() : new TreeMap<>(driverOpts);
            labels = labels == null ? Map.of() : new TreeMap<>(labels);
        }

        /** ECS scopes a Docker volume to its task unless told otherwise. */
        public String effectiveScope() {
            return scope == null ? TASK : scope;
        }

        public boolean shared() {
            return SHARED.equals(effectiveScope());
        }

        public String effectiveDriver() {
            return driver == null ? LOCAL : driver;
        }

        public boolean effectiveAutoprovision() {
            return autoprovision != null && autoprovision;
        }
    }

    /** A bind mount of a host directory (ECS: a host volume with a sourcePath). */
    public boolean bindMount() {
        return sourcePath != null && !sourcePath.isBlank();
    }

    /** Neither a host path nor any configuration: ECS gives the task an empty volume of its own. */
    public boolean emptyTaskVolume() {
        return !bindMount() && docker == null && unsupported == null;
    }

    /** The task definition's volumes; null or absent is none. */
    public static List<TaskVolume> list(JsonNode volumes) {
        List<TaskVolume> out = new ArrayList<>();
        if (volumes == null || !volumes.isArray()) return out;
        for (JsonNode v : volumes) {
            if (v != null && v.isObject()) out.add(of(v));
        }
        return out;
    }

    static TaskVolume of(JsonNode v) {
        JsonNode host = present(v, "host");
        JsonNode path = host == null ? null : present(host, "sourcePath");
        JsonNode docker = present(v, "dockerVolumeConfiguration");
        String unsupported = null;
        for (String f : UNSUPPORTED) if (present(v, f) != null) unsupported = f;
        JsonNode atLaunch = present(v, "configuredAtLaunch");
        if (atLaunch != null && atLaunch.asBoolean(false)) unsupported = "configuredAtLaunch";
        return new TaskVolume(text(v, "name"), path == null ? null : path.asText(), path != null,
                docker == null ? null : dockerVolume(docker), unsupported);
    }

    private static DockerVolume dockerVolume(JsonNode d) {
        JsonNode auto = present(d, "autoprovision");
        return new DockerVolume(text(d, "scope"), auto == null ? null : auto.asBoolean(), text(d, "driver"),
                strings(present(d, "driverOpts")), strings(present(d, "labels")));
    }

    static JsonNode present(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = present(node, field);
        return v == null ? null : v.asText();
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new TreeMap<>();
        if (map == null || !map.isObject()) return out;
        map.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
