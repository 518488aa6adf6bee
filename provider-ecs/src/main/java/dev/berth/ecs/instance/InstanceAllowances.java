package dev.berth.ecs.instance;

import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.taskdef.HostAccess;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code allow_privileged}, {@code allow_host_network}, {@code allow_host_pid}, {@code allow_host_ipc}
 * and {@code allow_host_paths} of
 * {@code ecs_container_instance}: readable spellings of the instance attributes that let tasks
 * take more of the host ({@link HostAccess}), registered among the instance's attributes so
 * placement, StartTask and other clients see them as ECS's agent capabilities are seen.
 */
final class InstanceAllowances {
    static final String PRIVILEGED = "allow_privileged", HOST_NETWORK = "allow_host_network",
            HOST_PID = "allow_host_pid", HOST_IPC = "allow_host_ipc", HOST_PATHS = "allow_host_paths";

    private InstanceAllowances() {
    }

    /** The attributes the configuration's allowances stand for (none for unknown values: apply knows them). */
    static Map<String, String> attributes(MapValue config) {
        List<String> paths = Attrs.strings(Attrs.raw(config, HOST_PATHS));
        List<String> known = new ArrayList<>();
        if (paths != null) for (String p : paths) if (p != null && p.startsWith("/")) known.add(p);
        return HostAccess.attributes(on(config, PRIVILEGED), on(config, HOST_NETWORK), on(config, HOST_PID),
                on(config, HOST_IPC), known);
    }

    private static boolean on(MapValue config, String name) {
        return Boolean.TRUE.equals(Attrs.bool(Attrs.raw(config, name)));
    }

    /** {@code planned} attributes with the allowances' added; an unknown map stays unknown. */
    static Value withAllowances(Value planned, MapValue config) {
        Map<String, String> added = attributes(config);
        if (added.isEmpty() || !(planned.unmarked() instanceof MapValue given)) return planned;
        MapValue out = given;
        for (Map.Entry<String, String> e : added.entrySet()) out = out.with(e.getKey(), Value.of(e.getValue()));
        return out;
    }

    static void validate(MapValue config, List<ProviderDiagnostic> out) {
        List<String> paths = Attrs.strings(Attrs.raw(config, HOST_PATHS));
        if (paths == null) return;
        for (String p : paths) {
            if (p != null && !p.startsWith("/")) {
                out.add(Diags.error("allow_host_paths entry \"" + p + "\" is not an absolute path.", List.of(HOST_PATHS)));
            }
        }
    }
}
