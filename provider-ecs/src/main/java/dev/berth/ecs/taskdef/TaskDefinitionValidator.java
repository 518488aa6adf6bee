package dev.berth.ecs.taskdef;

import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.berth.ecs.schema.TaskDefinitionSchema.CPU;
import static dev.berth.ecs.schema.TaskDefinitionSchema.EXECUTION_ROLE_ARN;
import static dev.berth.ecs.schema.TaskDefinitionSchema.TASK_ROLE_ARN;
import static dev.berth.ecs.schema.TaskDefinitionSchema.FAMILY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.MEMORY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.NETWORK_MODE;
import static dev.berth.ecs.schema.TaskDefinitionSchema.REQUIRES_COMPATIBILITIES;

/**
 * The rules ECS applies when a task definition is registered, checked before anything is
 * created. Rules that need a value still unknown are skipped; apply validates again once every
 * value is known.
 */
public final class TaskDefinitionValidator {
    static final Pattern NAME_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    public static final List<String> NETWORK_MODES = List.of("awsvpc", "bridge", "host", "none");
    public static final List<String> COMPATIBILITIES = List.of("EC2", "FARGATE");
    /** ECS Anywhere's compatibility: berth's container instances are all EC2-like Docker engines. */
    static final String EXTERNAL = "EXTERNAL";
    /** Docker refuses a hard limit below 6 MiB. */
    static final int MIN_MEMORY_MIB = 6;

    private TaskDefinitionValidator() {
    }

    public static List<ProviderDiagnostic> validate(MapValue config) {
        List<ProviderDiagnostic> out = new ArrayList<>();
        String family = Attrs.string(config, FAMILY);
        if (family != null && !NAME_SHAPE.matcher(family).matches()) {
            out.add(Diags.error("Family \"" + family + "\" must be 1 to 255 letters, numbers, hyphens or underscores.",
                    List.of(FAMILY)));
        }
        Optional<Integer> taskCpu = size(config, CPU, out);
        Optional<Integer> taskMemory = size(config, MEMORY, out);
        checkCompatibilities(config, taskCpu, taskMemory, out);
        for (String role : List.of(EXECUTION_ROLE_ARN, TASK_ROLE_ARN)) {
            RoleArns.problem(role, Attrs.string(config, role)).ifPresent(m -> out.add(Diags.error(m, List.of(role))));
        }

        out.addAll(TaskLevelConfig.validate(config));
        ContainerSource source = ContainerSource.of(config);
        out.addAll(source.problems());
        if (source.containers() != null) {
            new ContainerRules(source, taskCpu.orElse(null), taskMemory.orElse(null),
                    Attrs.unknown(config, MEMORY), networkMode(config), out).check();
            out.addAll(VolumeChecks.check(config, source));
            ContainerOptionRules.report(source, networkMode(config), fargate(config), out);
            ContainerOrderRules.report(source, source.containers(), fargate(config), out);
            FirelensRules.report(source, source.containers(), out);
        }
        return out;
    }

    /** The network mode the task will have (ECS's default when unset), or null while unknown. */
    private static String networkMode(MapValue config) {
        if (Attrs.unknown(config, NETWORK_MODE) || Attrs.unknown(config, REQUIRES_COMPATIBILITIES)) return null;
        String mode = Attrs.string(config, NETWORK_MODE);
        if (mode != null) return mode;
        List<String> compat = Attrs.strings(Attrs.raw(config, REQUIRES_COMPATIBILITIES));
        return compat != null && compat.contains("FARGATE") ? "awsvpc" : "bridge";
    }

    private static boolean fargate(MapValue config) {
        List<String> compat = Attrs.strings(Attrs.raw(config, REQUIRES_COMPATIBILITIES));
        return compat != null && compat.contains("FARGATE");
    }

    private static Optional<Integer> size(MapValue config, String attr, List<ProviderDiagnostic> out) {
        String text = Attrs.string(config, attr);
        if (text == null) return Optional.empty();
        Optional<Integer> v = attr.equals(CPU) ? TaskSize.cpuUnits(text) : TaskSize.memoryMiB(text);
        if (v.isEmpty()) {
            out.add(Diags.error(attr.equals(CPU)
                    ? "cpu \"" + text + "\" is not a CPU size; use CPU units such as \"256\" or vCPUs such as \"0.5 vCPU\"."
                    : "memory \"" + text + "\" is not a memory size; use MiB such as \"512\" or GB such as \"1 GB\".",
                    List.of(attr)));
        }
        return v;
    }

    private static void checkCompatibilities(MapValue config, Optional<Integer> cpu, Optional<Integer> memory,
                                             List<ProviderDiagnostic> out) {
        String mode = Attrs.string(config, NETWORK_MODE);
        if (mode != null && !NETWORK_MODES.contains(mode)) {
            out.add(Diags.error("network_mode \"" + mode + "\" is not one of " + String.join(", ", NETWORK_MODES) + ".",
                    List.of(NETWORK_MODE)));
        }
        List<String> compat = Attrs.strings(Attrs.raw(config, REQUIRES_COMPATIBILITIES));
        if (compat == null) return;
        for (String c : compat) {
            if (EXTERNAL.equals(c)) {
                out.add(Diags.error("requires_compatibilities EXTERNAL (ECS Anywhere) is not available: berth's "
                        + "container instances are Docker engines registered as EC2 instances; use EC2.",
                        List.of(REQUIRES_COMPATIBILITIES)));
            } else if (c != null && !COMPATIBILITIES.contains(c)) {
                out.add(Diags.error("requires_compatibilities value \"" + c + "\" is not one of EC2, FARGATE.",
                        List.of(REQUIRES_COMPATIBILITIES)));
            }
        }
        if (!compat.contains("FARGATE")) return;
        if (mode != null && !mode.equals("awsvpc")) {
            out.add(Diags.error("FARGATE task definitions need network_mode \"awsvpc\", not \"" + mode + "\".",
                    List.of(NETWORK_MODE)));
        }
        boolean cpuUnset = cpu.isEmpty() && Attrs.raw(config, CPU).isNull();
        boolean memoryUnset = memory.isEmpty() && Attrs.raw(config, MEMORY).isNull();
        if (cpuUnset || memoryUnset) {
            out.add(Diags.warning("FARGATE task definitions should set task-level cpu and memory; AWS rejects them "
                    + "without.", List.of(cpuUnset ? CPU : MEMORY)));
        }
        if (cpu.isPresent() && memory.isPresent()) {
            dev.berth.ecs.scheduler.FargateSizes.validate(cpu.get(), memory.get()).ifPresent(m -> out.add(Diags.error(
                    m + ".", List.of(dev.berth.ecs.scheduler.FargateSizes.validMemory(cpu.get()).isEmpty() ? CPU : MEMORY))));
        }
    }

    /** Container rules, each pointing at the field (block form) or the JSON attribute. */
    private record ContainerRules(ContainerSource src, Integer taskCpu, Integer taskMemory,
                                  boolean taskMemoryUnknown, String networkMode, List<ProviderDiagnostic> out) {

        void check() {
            List<ContainerDefinition> cs = src.containers();
            if (cs.isEmpty()) {
                out.add(Diags.error("A task definition needs at least one container.", List.of(src.attribute())));
                return;
            }
            Set<String> names = new HashSet<>();
            Map<String, String> containerPorts = new HashMap<>();
            Map<Integer, String> hostPorts = new HashMap<>();
            boolean essentialKnown = true, anyEssential = false;
            for (int i = 0; i < cs.size(); i++) {
                ContainerDefinition c = cs.get(i);
                String label = c.name() == null ? "Container " + (i + 1) : "Container \"" + c.name() + "\"";
                identity(c, i, label, names);
                limits(c, i, label);
                ports(c, i, label, containerPorts, hostPorts);
                if (c.healthCheck() != null && c.known("healthCheck")) {
                    for (String p : c.healthCheck().problems(label)) out.add(Diags.error(p, src.path(i, "healthCheck")));
                }
                if (c.known("logConfiguration")) {
                    for (String p : LogConfigurationCheck.problemsOf(label, LogConfiguration.of(c))) {
                        out.add(Diags.error(p, src.path(i, "logConfiguration")));
                    }
                }
                essentialKnown &= c.known("essential");
                anyEssential |= c.effectiveEssential();
            }
            TaskTotals.check(src, cs, taskCpu, taskMemory, out);
            if (essentialKnown && !anyEssential) {
                out.add(Diags.error("A task definition needs at least one essential container.",
                        List.of(src.attribute())));
            }
        }

        private void identity(ContainerDefinition c, int i, String label, Set<String> names) {
            if (c.name() == null && c.known("name")) {
                out.add(Diags.error(label + " needs a name.", src.path(i, "name")));
            } else if (c.name() != null && !NAME_SHAPE.matcher(c.name()).matches()) {
                out.add(Diags.error(label + ": a container name must be 1 to 255 letters, numbers, hyphens or "
                        + "underscores.", src.path(i, "name")));
            } else if (c.name() != null && !names.add(c.name())) {
                out.add(Diags.error("Container name \"" + c.name() + "\" is used twice; names must be unique within "
                        + "a task definition.", src.path(i, "name")));
            }
            if ((c.image() == null || c.image().isBlank()) && c.known("image")) {
                out.add(Diags.error(label + " needs an image.", src.path(i, "image")));
            }
        }

        private void limits(ContainerDefinition c, int i, String label) {
            if (c.cpu() != null && c.cpu() < 0) {
                out.add(Diags.error(label + ": cpu must not be negative.", src.path(i, "cpu")));
            } else if (c.cpu() != null && taskCpu != null && c.cpu() > taskCpu) {
                out.add(Diags.error(label + " cpu (" + c.cpu() + " units) exceeds the task cpu (" + taskCpu
                        + " units).", src.path(i, "cpu")));
            }
            Integer mem = c.memory(), res = c.memoryReservation();
            if (mem != null && mem < MIN_MEMORY_MIB) {
                out.add(Diags.error(label + " memory must be at least " + MIN_MEMORY_MIB + " MiB.", src.path(i, "memory")));
            } else if (mem != null && taskMemory != null && mem > taskMemory) {
                out.add(Diags.error(label + " memory (" + mem + " MiB) exceeds the task memory (" + taskMemory
                        + " MiB).", src.path(i, "memory")));
            }
            if (res != null && res <= 0) {
                out.add(Diags.error(label + " memory reservation must be positive.", src.path(i, "memoryReservation")));
            } else if (res != null && mem != null && res > mem) {
                out.add(Diags.error(label + " memory reservation (" + res + " MiB) is above its memory (" + mem
                        + " MiB).", src.path(i, "memoryReservation")));
            } else if (res != null && taskMemory != null && res > taskMemory) {
                out.add(Diags.error(label + " memory reservation (" + res + " MiB) exceeds the task memory ("
                        + taskMemory + " MiB).", src.path(i, "memoryReservation")));
            }
            boolean unknown = !c.known("memory") || !c.known("memoryReservation") || taskMemoryUnknown;
            if (mem == null && res == null && taskMemory == null && !unknown) {
                out.add(Diags.error("Invalid setting for container '" + c.name() + "'. At least one of 'memory' or "
                        + "'memoryReservation' must be specified.", src.path(i, null)));
            }
        }

        private void ports(ContainerDefinition c, int i, String label, Map<String, String> containerPorts,
                           Map<Integer, String> hostPorts) {
            if ("none".equals(networkMode) && !c.portMappings().isEmpty()) {
                out.add(Diags.error(label + ": port mappings are not supported when networkMode=none.",
                        src.path(i, "portMappings")));
                return;
            }
            boolean samePorts = "awsvpc".equals(networkMode) || "host".equals(networkMode);
            for (int j = 0; j < c.portMappings().size(); j++) {
                PortMapping p = c.portMappings().get(j);
                if (samePorts && p.hostPort() != null && p.containerPort() != null
                        && !p.hostPort().equals(p.containerPort())) {
                    out.add(Diags.error("When networkMode=" + networkMode + ", the host ports and container ports in "
                            + "port mappings must match.", src.portPath(i, j, "hostPort")));
                }
                String proto = p.effectiveProtocol();
                if (!proto.equals("tcp") && !proto.equals("udp")) {
                    out.add(Diags.error(label + ": protocol \"" + proto + "\" is not tcp or udp.",
                            src.portPath(i, j, "protocol")));
                }
                if (p.containerPort() == null) {
                    if (c.known("portMappings") && p.containerPortRange() == null) {
                        out.add(Diags.error(label + ": every port mapping needs a container port.",
                                src.portPath(i, j, "containerPort")));
                    }
                } else if (p.containerPort() < 1 || p.containerPort() > 65535) {
                    out.add(Diags.error(label + ": container port " + p.containerPort() + " is not between 1 and 65535.",
                            src.portPath(i, j, "containerPort")));
                } else {
                    String key = p.containerPort() + "/" + proto;
                    String owner = containerPorts.putIfAbsent(key, label);
                    if (owner != null) {
                        out.add(Diags.error(label + ": container port " + key + " is already mapped by "
                                + owner.replace("Container ", "container ") + "; container ports must be unique within a task.",
                                src.portPath(i, j, "containerPort")));
                    }
                }
                if (p.hostPort() != null && (p.hostPort() < 0 || p.hostPort() > 65535)) {
                    out.add(Diags.error(label + ": host port " + p.hostPort() + " is not between 0 and 65535.",
                            src.portPath(i, j, "hostPort")));
                } else if (p.hostPort() != null && p.hostPort() != 0 && hostPorts.putIfAbsent(p.hostPort(), label) != null) {
                    out.add(Diags.error(label + ": host port " + p.hostPort() + " is published twice in the task.",
                            src.portPath(i, j, "hostPort")));
                }
            }
        }
    }
}
