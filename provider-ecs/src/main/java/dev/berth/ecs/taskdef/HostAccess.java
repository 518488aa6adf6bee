package dev.berth.ecs.taskdef;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a task may take from the host it runs on beyond its own sandbox, and which container
 * instance attributes allow it. A container instance is someone's Docker engine: a privileged
 * container, host networking, or a bind mount of {@code /}, {@code /etc}, {@code /proc},
 * {@code /sys} or the Docker socket (anything under those, and the directories holding the
 * socket) is control of that host, so a task gets it only where the instance says so on purpose:
 * <ul>
 *   <li>privileged containers: {@value #PRIVILEGED}, the capability ECS's agent advertises;</li>
 *   <li>host networking: {@value #HOST_NETWORK};</li>
 *   <li>the host's process namespace ({@code pidMode} host): {@value #HOST_PID}; its IPC
 *       namespace ({@code ipcMode} host): {@value #HOST_IPC}. Neither needs a privileged container,
 *       yet ECS warns of "a heightened risk of undesired namespace exposure": with the host's PIDs
 *       a container's root sees and can signal or kill every process of the host, with its IPC it
 *       reads and writes the host's shared memory;</li>
 *   <li>a sensitive host path: {@value #HOST_PATH} followed by that path or a directory above it
 *       (e.g. {@code dev.berth.allow-host-path/var/run/docker.sock}).</li>
 * </ul>
 * FARGATE needs none of these: ECS refuses them for FARGATE task definitions at registration.
 * Pure; placement turns each {@link Need} into a constraint expression and the task starter
 * checks the chosen instance with {@link #refusal}, after resolving each bound path on the
 * engine's host ({@link #needs(dev.berth.ecs.store.TaskDefinitionRow, UnaryOperator)}): a symlink
 * to {@code /} is a bind of {@code /}.
 */
public final class HostAccess {
    public static final String PRIVILEGED = ContainerOptions.PRIVILEGED_CAPABILITY;
    public static final String HOST_NETWORK = "dev.berth.allow-host-network";
    public static final String HOST_PATH = "dev.berth.allow-host-path";
    public static final String HOST_PID = "dev.berth.allow-host-pid";
    public static final String HOST_IPC = "dev.berth.allow-host-ipc";
    private static final List<String> SENSITIVE = List.of("/etc", "/proc", "/sys", "/var/run/docker.sock",
            "/run/docker.sock");

    private HostAccess() {
    }

    /** One thing a task needs of its host: in words, and the attributes any one of which allows it. */
    public record Need(String what, List<String> anyOf) {
        /** As a cluster query language expression a placement constraint can test. */
        public String expression() {
            List<String> parts = new ArrayList<>();
            for (String a : anyOf) parts.add("attribute:" + a + " exists");
            return String.join(" or ", parts);
        }
    }

    /** What a registered revision needs of its host, its bound paths taken as written. */
    public static List<Need> needs(dev.berth.ecs.store.TaskDefinitionRow td) {
        return needs(td, UnaryOperator.identity());
    }

    /**
     * What a revision needs of the host it starts on, where {@code realPath} says what each bound
     * host path is there (symlinks followed): a path that is sensitive as written, or once resolved,
     * needs the allowance for what it is.
     */
    public static List<Need> needs(dev.berth.ecs.store.TaskDefinitionRow td, UnaryOperator<String> realPath) {
        boolean privileged = false;
        for (ContainerDefinition c : ContainerDefinition.of(td)) {
            ContainerOptions o = ContainerOptions.of(c);
            privileged |= o.is(o.privileged());
        }
        List<Need> out = needs(privileged, td.networkMode(), text(td, "pidMode"), text(td, "ipcMode"), List.of());
        for (String p : hostPaths(TaskVolume.list(dev.berth.ecs.taskdef.fields.TaskFields.get(td, "volumes")))) {
            if (p == null) continue;
            String written = normalize(p);
            if (sensitive(written)) add(out, new Need("a bind mount of " + p, allowing(written)));
            // Docker cleans the text before it binds; the kernel resolves ".." after a symlink: both readings count.
            for (String resolved : List.of(realPath.apply(p), realPath.apply(written))) {
                String real = resolved == null ? written : normalize(resolved);
                if (real.equals(written) || !sensitive(real)) continue;
                // What the instance allows by the path as written still holds (/var/run/docker.sock is
                // /run/docker.sock on many hosts); a harmless-looking path allows nothing of where it leads.
                List<String> anyOf = new ArrayList<>(allowing(real));
                if (sensitive(written)) anyOf.addAll(allowing(written));
                add(out, new Need("a bind mount of " + p + " (which is " + real + " on the engine's host)", anyOf));
            }
        }
        return out;
    }

    private static void add(List<Need> out, Need n) {
        if (out.stream().noneMatch(o -> o.anyOf().equals(n.anyOf()))) out.add(n);
    }

    private static String text(dev.berth.ecs.store.TaskDefinitionRow td, String field) {
        com.fasterxml.jackson.databind.JsonNode n = dev.berth.ecs.taskdef.fields.TaskFields.get(td, field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /**
     * The host paths the volumes bind: a host volume's sourcePath, and the device of a Docker
     * volume of the local driver mounted with {@code o=bind} (the same bind by another spelling).
     */
    static List<String> hostPaths(List<TaskVolume> volumes) {
        List<String> out = new ArrayList<>();
        for (TaskVolume v : volumes) {
            if (v.bindMount()) {
                out.add(v.sourcePath());
            } else if (v.docker() != null && "local".equals(v.docker().effectiveDriver())) {
                Map<String, String> opts = v.docker().driverOpts();
                String o = opts.getOrDefault("o", "");
                if (opts.get("device") != null && List.of(o.split(",")).contains("bind")) out.add(opts.get("device"));
            }
        }
        return out;
    }

    /** What a task with these traits needs: privileged containers, its network mode, its bind-mounted host paths. */
    public static List<Need> needs(boolean privileged, String networkMode, List<String> hostPaths) {
        return needs(privileged, networkMode, null, null, hostPaths);
    }

    /** As {@link #needs(boolean, String, List)}, with ECS's pidMode and ipcMode. */
    public static List<Need> needs(boolean privileged, String networkMode, String pidMode, String ipcMode,
                                   List<String> hostPaths) {
        List<Need> out = new ArrayList<>();
        if (privileged) out.add(new Need("privileged containers", List.of(PRIVILEGED)));
        if ("host".equals(networkMode)) out.add(new Need("host networking", List.of(HOST_NETWORK)));
        if ("host".equals(pidMode)) out.add(new Need("the host's process namespace (pidMode host)", List.of(HOST_PID)));
        if ("host".equals(ipcMode)) out.add(new Need("the host's IPC namespace (ipcMode host)", List.of(HOST_IPC)));
        for (String p : hostPaths) {
            if (p == null || !sensitive(p)) continue;
            Need n = new Need("a bind mount of " + p, allowing(p));
            if (!out.contains(n)) out.add(n);
        }
        return out;
    }

    /** Empty when the instance's attributes allow every need; else one sentence naming what and how to allow it. */
    public static Optional<String> refusal(List<Need> needs, Map<String, String> attributes, String instanceId) {
        for (Need n : needs) {
            if (n.anyOf().stream().noneMatch(attributes::containsKey)) {
                return Optional.of("The task needs " + n.what() + ", which container instance " + instanceId
                        + " does not allow; give the instance the attribute " + n.anyOf().get(0) + " to allow it.");
            }
        }
        return Optional.empty();
    }

    /** True for /, the sensitive trees and anything under them, and the directories that hold the Docker socket. */
    public static boolean sensitive(String path) {
        String p = normalize(path);
        if (p.equals("/")) return true;
        for (String s : SENSITIVE) {
            if (p.equals(s) || p.startsWith(s + "/") || s.startsWith(p + "/")) return true;
        }
        return false;
    }

    /** The attribute names that allow binding {@code path}: for the path itself and each directory above it. */
    static List<String> allowing(String path) {
        List<String> out = new ArrayList<>();
        String p = normalize(path);
        while (true) {
            out.add(HOST_PATH + p);
            if (p.equals("/")) return out;
            int slash = p.lastIndexOf('/');
            p = slash == 0 ? "/" : p.substring(0, slash);
        }
    }

    /** The attributes an instance carries for these allowances (the values are empty: only presence counts). */
    public static Map<String, String> attributes(boolean privileged, boolean hostNetwork, List<String> hostPaths) {
        return attributes(privileged, hostNetwork, false, false, hostPaths);
    }

    /** As {@link #attributes(boolean, boolean, List)}, with the host's process and IPC namespaces. */
    public static Map<String, String> attributes(boolean privileged, boolean hostNetwork, boolean hostPid,
                                                 boolean hostIpc, List<String> hostPaths) {
        Map<String, String> out = new LinkedHashMap<>();
        if (privileged) out.put(PRIVILEGED, "");
        if (hostNetwork) out.put(HOST_NETWORK, "");
        if (hostPid) out.put(HOST_PID, "");
        if (hostIpc) out.put(HOST_IPC, "");
        for (String p : hostPaths) out.put(HOST_PATH + normalize(p), "");
        return out;
    }

    /** An absolute path with "." and ".." resolved and no empty or trailing segments; "/" stays "/". */
    public static String normalize(String path) {
        Deque<String> kept = new ArrayDeque<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(s);
            }
        }
        return kept.isEmpty() ? "/" : "/" + String.join("/", kept);
    }
}
