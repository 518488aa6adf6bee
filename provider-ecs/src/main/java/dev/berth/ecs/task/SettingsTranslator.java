package dev.berth.ecs.task;

import dev.berth.ecs.runtime.ContainerSettings;
import dev.berth.ecs.taskdef.ContainerOptions;
import dev.berth.ecs.taskdef.ContainerOptions.LinuxParameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's further options from ECS terms into the runtime's: links as name to alias, device permissions as letters. */
final class SettingsTranslator {
    private SettingsTranslator() {
    }

    static ContainerSettings settings(ContainerOptions o) {
        LinuxParameters lp = o.linuxParameters();
        Map<String, String> links = new LinkedHashMap<>();
        for (String link : o.links()) {
            int colon = link.indexOf(':');
            if (colon < 0) links.put(link, link);
            else links.put(link.substring(0, colon), link.substring(colon + 1));
        }
        Map<String, String> sysctls = new LinkedHashMap<>();
        for (ContainerOptions.SystemControl c : o.systemControls()) sysctls.put(c.namespace(), c.value());
        List<ContainerSettings.Ulimit> ulimits = o.ulimits().stream()
                .map(u -> new ContainerSettings.Ulimit(u.name(), u.softLimit(), u.hardLimit())).toList();
        List<ContainerSettings.HostEntry> hosts = o.extraHosts().stream()
                .map(h -> new ContainerSettings.HostEntry(h.hostname(), h.ipAddress())).toList();
        return new ContainerSettings(o.hostname(), o.user(), o.workingDirectory(), o.is(o.readonlyRootFilesystem()),
                o.is(o.privileged()), ulimits, o.dockerLabels(), hosts, o.dnsServers(), o.dnsSearchDomains(),
                lp != null && o.is(lp.initProcessEnabled()), lp == null ? null : lp.capabilitiesAdd(),
                lp == null ? null : lp.capabilitiesDrop(), lp == null ? null : lp.sharedMemorySize(),
                lp == null ? null : tmpfs(lp), lp == null ? null : devices(lp), lp == null ? null : lp.maxSwap(),
                lp == null ? null : lp.swappiness(), sysctls, o.is(o.pseudoTerminal()), o.is(o.interactive()),
                o.is(o.disableNetworking()), o.dockerSecurityOptions(), links, o.gpus());
    }

    private static List<ContainerSettings.Tmpfs> tmpfs(LinuxParameters lp) {
        return lp.tmpfs().stream().map(t -> new ContainerSettings.Tmpfs(t.containerPath(), t.size(), t.mountOptions()))
                .toList();
    }

    private static List<ContainerSettings.Device> devices(LinuxParameters lp) {
        List<ContainerSettings.Device> out = new ArrayList<>();
        for (ContainerOptions.Device d : lp.devices()) {
            String letters = null;
            if (!d.permissions().isEmpty()) {
                StringBuilder b = new StringBuilder();
                if (d.permissions().contains("read")) b.append('r');
                if (d.permissions().contains("write")) b.append('w');
                if (d.permissions().contains("mknod")) b.append('m');
                letters = b.toString();
            }
            out.add(new ContainerSettings.Device(d.hostPath(), d.containerPath(), letters));
        }
        return out;
    }
}
