package dev.berth.ecs.taskdef;

import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.taskdef.ContainerOptions.LinuxParameters;
import dev.berth.engine.provider.ProviderDiagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ECS's registration rules for a container's further options (links, hostname, privileged,
 * linuxParameters, ...), in ECS's words where ECS has them, plus the few things berth cannot
 * honour, each refused with its reason. Pure: the validator points each problem at its field.
 */
public final class ContainerOptionRules {
    /** Labels berth puts on every container it starts; a task definition may not set them. */
    public static final String BERTH_LABEL_PREFIX = "dev.berth.";
    static final Set<String> ULIMIT_NAMES = Set.of("core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue",
            "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");
    static final Set<String> CAPABILITIES = Set.of("ALL", "AUDIT_CONTROL", "AUDIT_WRITE", "BLOCK_SUSPEND", "CHOWN",
            "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "IPC_LOCK", "IPC_OWNER", "KILL", "LEASE",
            "LINUX_IMMUTABLE", "MAC_ADMIN", "MAC_OVERRIDE", "MKNOD", "NET_ADMIN", "NET_BIND_SERVICE", "NET_BROADCAST",
            "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_ADMIN", "SYS_BOOT", "SYS_CHROOT", "SYS_MODULE",
            "SYS_NICE", "SYS_PACCT", "SYS_PTRACE", "SYS_RAWIO", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "SYSLOG",
            "WAKE_ALARM");
    static final Set<String> TMPFS_OPTIONS = Set.of("defaults", "ro", "rw", "suid", "nosuid", "dev", "nodev", "exec",
            "noexec", "sync", "async", "dirsync", "remount", "mand", "nomand", "atime", "noatime", "diratime",
            "nodiratime", "bind", "rbind", "unbindable", "runbindable", "private", "rprivate", "shared", "rshared",
            "slave", "rslave", "relatime", "norelatime", "strictatime", "nostrictatime", "mode", "uid", "gid",
            "nr_inodes", "nr_blocks", "mpol");
    private static final Pattern LINK_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final int MAX_ENVIRONMENT_FILES = 10;

    private ContainerOptionRules() {
    }

    /** One broken rule: the container's index, the (camelCase) field it concerns, the message. */
    public record Problem(int container, String field, String message) {
    }

    /** A container as the rules see it: its name, hard memory limit (MiB or null) and options. */
    public record Subject(String name, Integer memory, ContainerOptions options) {
    }

    /** Checks a configuration's containers, pointing each problem at its field. */
    static void report(ContainerSource src, String networkMode, boolean fargate, List<ProviderDiagnostic> out) {
        List<Subject> subjects = new ArrayList<>();
        for (ContainerDefinition c : src.containers()) {
            subjects.add(new Subject(c.name(), c.memory(), ContainerOptions.of(c)));
        }
        for (Problem p : check(subjects, networkMode, fargate)) {
            out.add(Diags.error(p.message(), src.path(p.container(), p.field())));
        }
        for (int i = 0; i < src.containers().size(); i++) {
            var v = src.containers().get(i).extra("versionConsistency");
            if (v != null && !v.isNull() && !Set.of("enabled", "disabled").contains(v.asText())) {
                out.add(Diags.error("Container \"" + src.containers().get(i).name() + "\": versionConsistency must be "
                        + "\"enabled\" or \"disabled\", not \"" + v.asText() + "\".", src.path(i, "versionConsistency")));
            }
        }
        for (PortMappingRules.Problem p : PortMappingRules.check(src.containers(), networkMode)) {
            out.add(Diags.error(p.message(), src.portPath(p.container(), p.port(), p.field())));
        }
    }

    /**
     * @param networkMode the task's network mode with ECS's default filled in; null while it is
     *                    unknown, which skips the rules that depend on it
     * @param fargate     whether the task definition requires FARGATE compatibility
     */
    public static List<Problem> check(List<Subject> containers, String networkMode, boolean fargate) {
        String mode = networkMode == null ? "" : networkMode;
        List<Problem> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Subject s : containers) if (s.name() != null) names.add(s.name());
        for (int i = 0; i < containers.size(); i++) {
            new One(i, containers.get(i), mode, fargate, names, out).check();
        }
        return out;
    }

    private record One(int i, Subject s, String mode, boolean fargate, Set<String> names, List<Problem> out) {

        void check() {
            ContainerOptions o = s.options();
            networking(o);
            if (o.is(o.privileged()) && fargate) {
                add("privileged", "Tasks using the Fargate launch type do not support privileged containers.");
            }
            ulimits(o);
            for (String key : o.dockerLabels().keySet()) {
                if (key.startsWith(BERTH_LABEL_PREFIX)) {
                    add("dockerLabels", label() + ": dockerLabels may not set \"" + key + "\"; labels beginning with "
                            + BERTH_LABEL_PREFIX + " are berth's own.");
                }
            }
            if (o.linuxParameters() != null) linux(o.linuxParameters());
            environmentFiles(o);
            systemControls(o);
            if (fargate && !o.dockerSecurityOptions().isEmpty()) {
                add("dockerSecurityOptions", "Tasks using the Fargate launch type do not support dockerSecurityOptions.");
            }
            for (String opt : o.dockerSecurityOptions()) {
                if (opt.startsWith("credentialspec:")) {
                    add("dockerSecurityOptions", label() + ": berth does not honour credentialspec security options: "
                            + "they name Active Directory credentials, which a local engine has no domain for.");
                }
            }
            resources(o);
            if (o.restartPolicy() != null) restartPolicy(o.restartPolicy());
        }

        /** ECS's bounds on a restart policy (ContainerRestartPolicy in the API reference). */
        private void restartPolicy(RestartPolicy p) {
            if (p.enabled() == null) add("restartPolicy", label() + ": restartPolicy.enabled is required.");
            Integer period = p.restartAttemptPeriod();
            if (period != null && (period < RestartPolicy.MIN_PERIOD || period > RestartPolicy.MAX_PERIOD)) {
                add("restartPolicy", label() + ": restartPolicy.restartAttemptPeriod must be between "
                        + RestartPolicy.MIN_PERIOD + " and " + RestartPolicy.MAX_PERIOD + " seconds, not " + period + ".");
            }
            if (p.ignoredExitCodes().size() > RestartPolicy.MAX_IGNORED) {
                add("restartPolicy", label() + ": restartPolicy.ignoredExitCodes may list at most "
                        + RestartPolicy.MAX_IGNORED + " exit codes.");
            }
        }

        private void networking(ContainerOptions o) {
            if (!o.links().isEmpty() && !mode.equals("bridge") && !mode.isEmpty()) {
                add("links", "Links are not supported when networkMode=" + mode + ".");
            } else {
                for (String link : o.links()) {
                    String[] parts = link.split(":", -1);
                    String target = parts[0];
                    if (parts.length > 2 || !LINK_NAME.matcher(target).matches()
                            || (parts.length == 2 && !LINK_NAME.matcher(parts[1]).matches())) {
                        add("links", label() + ": link \"" + link + "\" must be name or name:internalName, each up to "
                                + "255 letters, numbers, underscores and hyphens.");
                    } else if (!names.contains(target) || target.equals(s.name())) {
                        add("links", label() + ": link \"" + link + "\" names no other container of this task "
                                + "definition.");
                    }
                }
            }
            if (o.hostname() != null && mode.equals("awsvpc")) {
                add("hostname", "hostname is not supported on container when networkMode=awsvpc.");
            }
            if (!o.extraHosts().isEmpty() && mode.equals("awsvpc")) {
                add("extraHosts", "extraHosts is not supported on container when networkMode=awsvpc.");
            }
            for (ContainerOptions.HostEntry h : o.extraHosts()) {
                if (h.hostname() == null || h.ipAddress() == null) {
                    add("extraHosts", label() + ": every extraHosts entry needs a hostname and an ipAddress.");
                }
            }
        }

        private void ulimits(ContainerOptions o) {
            for (ContainerOptions.Ulimit u : o.ulimits()) {
                if (u.name() == null || !ULIMIT_NAMES.contains(u.name())) {
                    add("ulimits", label() + ": ulimit name \"" + u.name() + "\" is not one of "
                            + String.join(", ", new java.util.TreeSet<>(ULIMIT_NAMES)) + ".");
                } else if (u.softLimit() == null || u.hardLimit() == null) {
                    add("ulimits", label() + ": ulimit \"" + u.name() + "\" needs a softLimit and a hardLimit.");
                } else if (u.softLimit() > u.hardLimit()) {
                    add("ulimits", label() + ": ulimit \"" + u.name() + "\" has a softLimit (" + u.softLimit()
                            + ") above its hardLimit (" + u.hardLimit() + ").");
                }
            }
        }

        private void linux(LinuxParameters p) {
            for (String cap : concat(p.capabilitiesAdd(), p.capabilitiesDrop())) {
                if (!CAPABILITIES.contains(cap)) {
                    add("linuxParameters", label() + ": \"" + cap + "\" is not a Linux capability ECS knows.");
                }
            }
            if (p.sharedMemorySize() != null && p.sharedMemorySize() <= 0) {
                add("linuxParameters", label() + ": sharedMemorySize must be a positive number of MiB.");
            }
            if (p.maxSwap() != null && p.maxSwap() < 0) {
                add("linuxParameters", label() + ": maxSwap accepts 0 or any positive integer.");
            }
            if (p.swappiness() != null && (p.swappiness() < 0 || p.swappiness() > 100)) {
                add("linuxParameters", label() + ": swappiness must be a whole number from 0 to 100.");
            }
            if (p.maxSwap() != null && s.memory() == null && !fargate) {
                add("linuxParameters", label() + ": maxSwap is counted on top of the container's memory limit; "
                        + "set memory on the container to use it.");
            }
            for (ContainerOptions.Tmpfs t : p.tmpfs()) {
                if (t.containerPath() == null || !t.containerPath().startsWith("/")) {
                    add("linuxParameters", label() + ": a tmpfs containerPath must be an absolute path.");
                }
                if (t.size() == null || t.size() <= 0) {
                    add("linuxParameters", label() + ": tmpfs " + t.containerPath() + " needs a size in MiB.");
                }
                for (String opt : t.mountOptions()) {
                    String word = opt.contains("=") ? opt.substring(0, opt.indexOf('=')) : opt;
                    if (!TMPFS_OPTIONS.contains(word)) {
                        add("linuxParameters", label() + ": \"" + opt + "\" is not a tmpfs mount option.");
                    }
                }
            }
            for (ContainerOptions.Device d : p.devices()) {
                if (d.hostPath() == null) add("linuxParameters", label() + ": every device needs a hostPath.");
                for (String perm : d.permissions()) {
                    if (!Set.of("read", "write", "mknod").contains(perm)) {
                        add("linuxParameters", label() + ": device permission \"" + perm
                                + "\" is not read, write or mknod.");
                    }
                }
            }
            if (!fargate) return;
            // What Fargate refuses, as ECS's reference lists it.
            if (!p.devices().isEmpty()) fargateRefuses("devices");
            if (p.sharedMemorySize() != null) fargateRefuses("sharedMemorySize");
            if (!p.tmpfs().isEmpty()) fargateRefuses("tmpfs");
            if (p.maxSwap() != null) fargateRefuses("maxSwap");
            if (p.swappiness() != null) fargateRefuses("swappiness");
            for (String cap : p.capabilitiesAdd()) {
                if (!cap.equals("SYS_PTRACE")) {
                    add("linuxParameters", "Tasks using the Fargate launch type only support adding the SYS_PTRACE "
                            + "kernel capability; " + label().toLowerCase() + " adds " + cap + ".");
                }
            }
        }

        private void fargateRefuses(String parameter) {
            add("linuxParameters", "Tasks using the Fargate launch type do not support the " + parameter
                    + " parameter (" + label().toLowerCase() + ").");
        }

        private void environmentFiles(ContainerOptions o) {
            if (o.environmentFiles().size() > MAX_ENVIRONMENT_FILES) {
                add("environmentFiles", label() + ": at most " + MAX_ENVIRONMENT_FILES + " environment files.");
            }
            for (ContainerOptions.EnvironmentFile f : o.environmentFiles()) {
                if (!"s3".equals(f.type())) {
                    add("environmentFiles", label() + ": environment file type \"" + f.type()
                            + "\" is not supported; the only supported value is s3.");
                }
                String problem = EnvironmentFileName.problem(f.value());
                if (problem != null) add("environmentFiles", label() + ": " + problem);
            }
        }

        private void systemControls(ContainerOptions o) {
            for (ContainerOptions.SystemControl c : o.systemControls()) {
                if (c.namespace() == null || c.value() == null) {
                    add("systemControls", label() + ": every systemControls entry needs a namespace and a value.");
                } else if (c.namespace().startsWith("net.") && mode.equals("host")) {
                    add("systemControls", "Network namespace systemControls (" + c.namespace()
                            + ") are not supported when networkMode=host.");
                } else if (!c.namespace().startsWith("net.") && !c.namespace().startsWith("kernel.")
                        && !c.namespace().startsWith("fs.mqueue.")) {
                    add("systemControls", label() + ": systemControls namespace \"" + c.namespace()
                            + "\" is not a namespaced kernel parameter (net.*, kernel.* IPC parameters or fs.mqueue.*).");
                }
            }
        }

        private void resources(ContainerOptions o) {
            for (ContainerOptions.ResourceRequirement r : o.resourceRequirements()) {
                if ("GPU".equals(r.type())) {
                    if (r.value() == null || !r.value().trim().matches("[1-9]\\d{0,5}")) {
                        add("resourceRequirements", label() + ": a GPU requirement's value is a positive number of "
                                + "GPUs, not \"" + r.value() + "\".");
                    } else if (fargate) {
                        add("resourceRequirements", "Tasks using the Fargate launch type do not support GPU resource "
                                + "requirements.");
                    }
                } else if ("InferenceAccelerator".equals(r.type())) {
                    add("resourceRequirements", label() + ": berth does not honour InferenceAccelerator requirements: "
                            + "Elastic Inference accelerators exist only in AWS.");
                } else {
                    add("resourceRequirements", label() + ": resource type \"" + r.type()
                            + "\" is not GPU or InferenceAccelerator.");
                }
            }
        }

        private String label() {
            return s.name() == null ? "Container " + (i + 1) : "Container \"" + s.name() + "\"";
        }

        private void add(String field, String message) {
            out.add(new Problem(i, field, message));
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

}
