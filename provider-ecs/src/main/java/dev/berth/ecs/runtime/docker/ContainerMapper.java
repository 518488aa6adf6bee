package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.PublishedPort;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Docker's two views of a container (list summary and inspect) to {@link ContainerInfo}.
 * Ports are reported as the engine has them: in awsvpc mode every published port of the task
 * sits on the container that owns the namespace, and the joined containers report none.
 */
final class ContainerMapper {
    private static final Pattern EXIT_STATUS = Pattern.compile("^Exited \\((-?\\d+)\\)");
    private static final Comparator<PublishedPort> PORT_ORDER =
            Comparator.comparingInt(PublishedPort::containerPort).thenComparing(PublishedPort::protocol);

    private ContainerMapper() {
    }

    static ContainerInfo fromInspect(InspectContainerResponse r) {
        InspectContainerResponse.ContainerState state = r.getState();
        String status = state == null || state.getStatus() == null ? "unknown" : state.getStatus();
        Integer exitCode = null;
        if (state != null && !Boolean.TRUE.equals(state.getRunning()) && !"created".equals(status)
                && state.getExitCodeLong() != null) {
            exitCode = state.getExitCodeLong().intValue();
        }
        Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null
                ? Map.of() : r.getConfig().getLabels();
        String image = r.getConfig() == null ? r.getImageId() : r.getConfig().getImage();
        List<PublishedPort> ports = r.getNetworkSettings() == null ? List.of()
                : published(r.getNetworkSettings().getPorts());
        HostConfig hc = r.getHostConfig();
        return new ContainerInfo(r.getId(), ContainerNaming.plainName(r.getName()), image, labels, status, exitCode,
                ports, cpuShares(hc), memory(hc), memoryReservation(hc), environment(r), startedAt(state),
                r.getRestartCount() == null ? 0 : r.getRestartCount(), true,
                state != null && Boolean.TRUE.equals(state.getOOMKilled()));
    }

    /**
     * The summary carries identity, state and ports; limits and environment only exist in
     * inspect data, so {@code details} (the same container inspected) supplies them. Null
     * details give a summary-only container ({@code detailed == false}).
     */
    static ContainerInfo fromSummary(Container c, InspectContainerResponse details) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId()
                : ContainerNaming.plainName(c.getNames()[0]);
        String state = c.getState() == null ? "unknown" : c.getState();
        Integer exitCode = "running".equals(state) || "created".equals(state) ? null : exitCode(c.getStatus());
        List<PublishedPort> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                // Exposed-but-unpublished ports appear in the summary without a public port.
                if (p.getPublicPort() != null && p.getPrivatePort() != null) {
                    ports.add(new PublishedPort(p.getPrivatePort(), p.getType() == null ? "tcp" : p.getType(),
                            p.getIp(), p.getPublicPort()));
                }
            }
        }
        ports.sort(PORT_ORDER);
        HostConfig hc = details == null ? null : details.getHostConfig();
        return new ContainerInfo(c.getId(), name, c.getImage(), c.getLabels() == null ? Map.of() : c.getLabels(),
                state, exitCode, ports, cpuShares(hc), memory(hc), memoryReservation(hc),
                details == null ? Map.of() : environment(details), details == null ? null : startedAt(details.getState()),
                details == null || details.getRestartCount() == null ? 0 : details.getRestartCount(), details != null,
                details != null && details.getState() != null && Boolean.TRUE.equals(details.getState().getOOMKilled()));
    }

    /** Reads the exit code from summary status text such as {@code "Exited (137) 2 seconds ago"}. */
    static Integer exitCode(String status) {
        if (status == null) {
            return null;
        }
        Matcher m = EXIT_STATUS.matcher(status.trim());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static List<PublishedPort> published(Ports ports) {
        List<PublishedPort> result = new ArrayList<>();
        if (ports == null || ports.getBindings() == null) {
            return result;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> e : ports.getBindings().entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            for (Ports.Binding b : e.getValue()) {
                String spec = b.getHostPortSpec();
                // Unpublished ports and (never requested by berth) port ranges carry no single port.
                if (spec == null || !spec.matches("\\d+")) {
                    continue;
                }
                result.add(new PublishedPort(e.getKey().getPort(), e.getKey().getProtocol().toString(),
                        b.getHostIp(), Integer.parseInt(spec)));
            }
        }
        result.sort(PORT_ORDER);
        return result;
    }

    /** Docker writes the zero time ("0001-01-01T00:00:00Z") for a container never started. */
    static Instant startedAt(InspectContainerResponse.ContainerState state) {
        if (state == null || state.getStartedAt() == null) return null;
        try {
            Instant at = Instant.parse(state.getStartedAt());
            return at.getEpochSecond() <= 0 ? null : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long cpuShares(HostConfig hc) {
        return hc == null || hc.getCpuShares() == null ? 0 : hc.getCpuShares();
    }

    private static long memory(HostConfig hc) {
        return hc == null || hc.getMemory() == null ? 0 : hc.getMemory();
    }

    private static long memoryReservation(HostConfig hc) {
        return hc == null || hc.getMemoryReservation() == null ? 0 : hc.getMemoryReservation();
    }

    private static Map<String, String> environment(InspectContainerResponse r) {
        Map<String, String> env = new LinkedHashMap<>();
        if (r.getConfig() == null || r.getConfig().getEnv() == null) {
            return env;
        }
        for (String entry : r.getConfig().getEnv()) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            } else if (!entry.isEmpty()) {
                env.put(entry, "");
            }
        }
        return env;
    }
}
