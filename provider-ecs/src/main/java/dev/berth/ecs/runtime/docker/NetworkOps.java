package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The user-defined bridge networks tasks join. */
final class NetworkOps {
    // Published ports default to loopback even when a caller forgets the host IP.
    private static final Map<String, String> OPTIONS = Map.of("com.docker.network.bridge.host_binding_ipv4",
            ContainerSpecFactory.LOOPBACK);

    private final DockerClient client;
    private final DockerErrors errors;
    // dockerd happily creates two networks with the same name, and CheckDuplicate is only best
    // effort, so creation is serialised within this process; a twin made by another process (one
    // killed while its create was still under way in dockerd) is removed by collapse().
    private final Object createLock = new Object();
    /**
     * Networks this process saw or made. Every task start ensures its network, and a look under
     * the creation lock made the starts of an apply queue behind each other; a network removed
     * by hand is forgotten when a start fails ({@link #forget}), so the next start makes it again.
     */
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

    NetworkOps(DockerClient client, DockerErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    void ensure(String name, Map<String, String> labels) {
        if (known.contains(name)) return;
        synchronized (createLock) {
            if (find(name).isPresent()) {
                known.add(name);
                return;
            }
            try {
                client.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                        .withOptions(OPTIONS).withLabels(labels == null ? Map.of() : labels).exec();
            } catch (ConflictException createdElsewhere) {
                // Another process created it between our check and our create: it exists.
            } catch (RuntimeException e) {
                throw errors.translate(e, "create network \"" + name + "\"");
            }
            collapse(name);
            known.add(name);
        }
    }

    /** Forgets every network seen, so the next {@link #ensure} asks the engine again. */
    void forget() {
        known.clear();
    }

    boolean exists(String name) {
        return find(name).isPresent();
    }

    void remove(String name) {
        known.remove(name);
        Optional<Network> network = find(name);
        if (network.isEmpty()) {
            return;
        }
        try {
            client.removeNetworkCmd(network.get().getId()).exec();
        } catch (NotFoundException gone) {
            // Removed concurrently: the goal is reached.
        } catch (DockerException e) {
            if (e.getHttpStatus() == 403 || DockerErrors.reason(e).contains("active endpoints")) {
                int users = find(name).map(n -> n.getContainers() == null ? 0 : n.getContainers().size()).orElse(0);
                throw new RuntimeFailure("Network \"" + name + "\" on " + errors.where() + " is still used by "
                        + (users > 0 ? users + " container" + (users == 1 ? "" : "s") : "containers")
                        + "; stop the tasks attached to it before removing it.", e);
            }
            throw errors.translate(e, "remove network \"" + name + "\"");
        } catch (RuntimeException e) {
            throw errors.translate(e, "remove network \"" + name + "\"");
        }
    }

    /**
     * Removes every network named {@code name} but the oldest (the one whose id sorts first among
     * equally old), so that dockerd, which refuses a name two networks share ("is ambiguous"),
     * takes the name again; every process that collapses picks the same survivor. A twin already
     * in use is left. Whether anything was removed.
     */
    boolean collapse(String name) {
        List<Network> same;
        try {
            same = client.listNetworksCmd().withNameFilter(name).exec().stream()
                    .filter(n -> name.equals(n.getName()))
                    .sorted(Comparator.comparing((Network n) -> n.getCreated() == null ? new Date(0) : n.getCreated())
                            .thenComparing(Network::getId))
                    .toList();
        } catch (RuntimeException e) {
            throw errors.translate(e, "list networks named \"" + name + "\"");
        }
        boolean removed = false;
        for (Network twin : same.subList(Math.min(1, same.size()), same.size())) {
            try {
                client.removeNetworkCmd(twin.getId()).exec();
                removed = true;
            } catch (NotFoundException gone) {
                removed = true;
            } catch (RuntimeException inUse) {
                // Containers joined it: removing it is not ours to do, and the name stays ambiguous.
            }
        }
        return removed;
    }

    /**
     * Inspect by name, keeping only an exact name match: dockerd also resolves the argument as
     * an id prefix, which could hand back an unrelated network. A name dockerd calls ambiguous
     * is collapsed and looked up once more.
     */
    private Optional<Network> find(String name) {
        for (boolean collapsed = false; ; collapsed = true) {
            try {
                return inspect(name);
            } catch (RuntimeException e) {
                if (collapsed || !ambiguous(e) || !collapse(name)) {
                    throw errors.translate(e, "inspect network \"" + name + "\"");
                }
            }
        }
    }

    /** Whether dockerd refused a name two networks share, anywhere in {@code e}'s causes. */
    static boolean ambiguous(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DockerException de && DockerErrors.reason(de).contains("is ambiguous")) return true;
        }
        return false;
    }

    private Optional<Network> inspect(String name) {
        try {
            Network n = client.inspectNetworkCmd().withNetworkId(name).exec();
            return name.equals(n.getName()) ? Optional.of(n) : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
