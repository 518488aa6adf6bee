package dev.berth.ecs.task.firelens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerLifecycle;
import dev.berth.ecs.runtime.ContainerVolumes;
import dev.berth.ecs.runtime.FirelensLaunch;
import dev.berth.ecs.runtime.LogRoute;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.VolumeLaunch;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.taskdef.FirelensConfiguration;
import dev.berth.ecs.taskdef.FirelensRules;
import dev.berth.ecs.taskdef.LogConfiguration;
import dev.berth.ecs.taskdef.LogDrivers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routes a task's {@code awsfirelens} containers through its log router, as ECS's agent does
 * when it creates the containers. Registration has made sure there is exactly one router when
 * any container uses {@code awsfirelens}; a task without a router comes back unchanged.
 */
public final class FirelensWiring {
    /** The task volume holding the router's socket: a dot keeps it apart from every ECS volume name. */
    public static final String SOCKET_VOLUME = "firelens.socket";
    /** Where the router sees the socket directory, as the agent binds it. */
    public static final String SOCKET_DIR = "/var/run";

    private FirelensWiring() {
    }

    /**
     * {@code launch} with the router wired in. {@code defs} are the task definition's containers
     * in their order (a secret log option's variable carries the container's index, as the
     * agent names it); {@code cluster} is the cluster's name and {@code taskDefinition}
     * {@code family:revision}, the values of the metadata fields.
     */
    public static TaskLaunch wire(TaskLaunch launch, List<ContainerDefinition> defs, String cluster,
                                  String taskDefinition) {
        ContainerDefinition router = null;
        FirelensConfiguration fc = null;
        for (ContainerDefinition c : defs) {
            FirelensConfiguration f = FirelensConfiguration.of(c.extra("firelensConfiguration"));
            if (f != null) {
                router = c;
                fc = f;
            }
        }
        if (router == null) return launch;
        boolean fluentd = RouterRequest.FLUENTD.equals(fc.type());
        String taskId = launch.taskArn().substring(launch.taskArn().lastIndexOf('/') + 1);
        Map<String, Map<String, String>> outputs = new TreeMap<>();
        Map<String, String> routerSecrets = new TreeMap<>();
        Map<String, ContainerDefinition> routed = new LinkedHashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            ContainerDefinition c = defs.get(i);
            LogConfiguration lc = LogConfiguration.of(c);
            if (lc == null || !LogDrivers.AWSFIRELENS.equals(lc.logDriver())) continue;
            String missing = FirelensRules.missingOutputKey(lc, fc.type());
            if (missing != null) {
                throw new RuntimeFailure("unable to generate firelens config: unable to apply log options of container "
                        + c.name() + " to firelens config: " + missing, null);
            }
            routed.put(c.name(), c);
            Map<String, String> options = new TreeMap<>(lc.options());
            options.remove(BUFFER_LIMIT);
            // A secret option reaches the router's environment; its configuration names the variable.
            for (LogConfiguration.SecretOption s : lc.secretOptions()) {
                String variable = s.name() + "_" + i;
                options.put(s.name(), fluentd ? "\"#{ENV['" + variable + "']}\"" : "${" + variable + "}");
                routerSecrets.put(variable, s.valueFrom());
            }
            outputs.put(c.name(), options);
        }
        Integer memory = router.memoryReservation() != null && router.memoryReservation() > 0
                ? router.memoryReservation() : router.memory();
        String mode = launch.networkMode() == null ? "bridge" : launch.networkMode();
        RouterRequest request = new RouterRequest(fc.type(), fc.options(), mode, cluster, launch.taskArn(),
                taskDefinition, memory, outputs);
        boolean routerWaits = hasDependencies(router.extra("dependsOn"));
        List<ContainerLaunch> containers = new ArrayList<>();
        for (ContainerLaunch c : launch.containers()) {
            if (c.name().equals(router.name())) {
                containers.add(router(c, fluentd, routerSecrets));
            } else if (routed.containsKey(c.name())) {
                containers.add(routedContainer(c, router.name(), mode, taskId,
                        LogConfiguration.of(routed.get(c.name())), routerWaits));
            } else {
                containers.add(c);
            }
        }
        List<VolumeLaunch> volumes = new ArrayList<>(launch.volumes());
        volumes.add(VolumeLaunch.empty(SOCKET_VOLUME));
        FirelensLaunch firelens = new FirelensLaunch(router.name(), RouterConfig.path(fc.type()),
                RouterConfig.render(request), SOCKET_VOLUME, routed.keySet());
        return launch.withFirelens(containers, volumes, firelens);
    }

    /** The agent's log option for Docker's fluentd buffer; it goes to the driver, not the router. */
    static final String BUFFER_LIMIT = "log-driver-buffer-limit";

    private static ContainerLaunch router(ContainerLaunch c, boolean fluentd, Map<String, String> secrets) {
        List<ContainerVolumes.Mount> mounts = new ArrayList<>(c.volumes().mounts());
        mounts.add(new ContainerVolumes.Mount(SOCKET_VOLUME, SOCKET_DIR, false));
        ContainerLaunch out = c.withVolumes(new ContainerVolumes(mounts, c.volumes().volumesFrom()));
        if (fluentd) {
            // Fluentd's image drops to an unprivileged user unless told otherwise; the socket is root's.
            Map<String, String> env = new TreeMap<>(c.environment());
            env.put("FLUENT_UID", "0");
            out = out.withEnvironment(env);
        }
        if (!secrets.isEmpty()) {
            Map<String, String> all = new TreeMap<>(c.secrets());
            all.putAll(secrets);
            out = out.withSecrets(all);
        }
        return out;
    }

    private static ContainerLaunch routedContainer(ContainerLaunch c, String router, String mode, String taskId,
                                                   LogConfiguration lc, boolean routerWaits) {
        Map<String, String> options = new TreeMap<>();
        options.put("tag", c.name() + "-firelens-" + taskId);
        options.put("fluentd-sub-second-precision", "true");
        // Docker 20.10 on: the agent's default (ECS_ENABLE_FIRELENS_ASYNC=true) lets the
        // container start while the router is still opening its socket.
        options.put("fluentd-async", "true");
        String limit = lc.option(BUFFER_LIMIT);
        if (limit != null) options.put("fluentd-buffer-limit", limit);
        ContainerLaunch out = c.withLog(LogRoute.docker("fluentd", options));
        Map<String, String> env = new TreeMap<>(c.environment());
        if ("awsvpc".equals(mode)) {
            env.put("FLUENT_HOST", "127.0.0.1");
            env.put("FLUENT_PORT", RouterConfig.PORT);
        } else if ("bridge".equals(mode)) {
            // The agent gives the router's bridge IP; its name resolves to it in the task (links).
            env.put("FLUENT_HOST", router);
            env.put("FLUENT_PORT", RouterConfig.PORT);
        }
        out = out.withEnvironment(env);
        boolean waits = c.lifecycle().dependsOn().stream().anyMatch(d -> d.containerName().equals(router));
        if (!waits && !routerWaits) {
            // A router that waits for others gets no dependents, so no cycle can arise (the agent's rule).
            List<ContainerLifecycle.Dependency> deps = new ArrayList<>(c.lifecycle().dependsOn());
            deps.add(new ContainerLifecycle.Dependency(router, ContainerLifecycle.Condition.START));
            out = out.withLifecycle(new ContainerLifecycle(deps, c.lifecycle().startTimeoutSeconds(),
                    c.lifecycle().stopTimeoutSeconds()));
        }
        return out;
    }

    /** Whether the container definition's dependsOn is a non-empty array. */
    static boolean hasDependencies(JsonNode dependsOn) {
        return dependsOn != null && dependsOn.isArray() && dependsOn.size() > 0;
    }
}
