package dev.berth.cli.wiring;

import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.LogKeeper;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import dev.berth.ecs.secret.SecretResolver;
import dev.berth.ecs.tls.TlsEngines;
import dev.berth.ecs.tls.TlsMaterial;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One Docker connection per endpoint for the whole run; null means the local default engine.
 * Every engine reads containers' secrets from the same store, the user's, as they are created.
 * A {@code tcp://} engine is reached over mutual TLS with the material a registration handed
 * over ({@link #reach}), else with what the control plane recorded for the host ({@code tlsFor}).
 */
final class RuntimePool implements Function<String, ContainerRuntime>, TlsEngines, AutoCloseable {
    private static final String DEFAULT = "";
    private record Entry(ContainerRuntime runtime, TlsMaterial tls) {
    }

    private final Map<String, Entry> runtimes = new ConcurrentHashMap<>();
    /** Every runtime ever opened: one replaced by new TLS material may still be in use until the run ends. */
    private final List<ContainerRuntime> opened = new CopyOnWriteArrayList<>();
    private final LogKeeper logs;
    private final SecretResolver secrets;
    private final Function<String, Optional<TlsMaterial>> tlsFor;
    private volatile boolean closed;

    /**
     * {@code logs} keeps what kept containers wrote before any engine of the pool removes them;
     * {@code tlsFor} is the TLS material the control plane recorded for a tcp:// host.
     */
    RuntimePool(LogKeeper logs, SecretResolver secrets, Function<String, Optional<TlsMaterial>> tlsFor) {
        this.logs = logs;
        this.secrets = secrets;
        this.tlsFor = tlsFor;
    }

    @Override
    public ContainerRuntime apply(String endpoint) {
        return runtimes.computeIfAbsent(endpoint == null ? DEFAULT : endpoint, e -> {
            TlsMaterial tls = e.startsWith("tcp://") ? recorded(e) : null;
            return open(e, tls);
        }).runtime();
    }

    @Override
    public ContainerRuntime reach(String host, TlsMaterial tls) {
        return runtimes.compute(host, (h, old) -> old != null && Objects.equals(old.tls(), tls) ? old : open(h, tls))
                .runtime();
    }

    @Override
    public Optional<String> probe(String host, TlsMaterial tls) {
        return DockerRuntime.probe(host, tls);
    }

    private Entry open(String endpoint, TlsMaterial tls) {
        ContainerRuntime rt = DockerRuntime.connect(endpoint.isEmpty() ? null : endpoint, tls, logs, secrets);
        opened.add(rt);
        // A warm-up that finished after the run: nothing will close it later.
        if (closed) rt.close();
        return new Entry(rt, tls);
    }

    /**
     * Opens the local engine's client and makes its first call on a daemon thread, while the
     * command reads its configuration and state. The first call costs a new JVM far more than any
     * later one (docker-java's and Apache HttpClient's classes, the connection, Jackson's readers):
     * 0.2-0.6 s that every refresh of a cluster or service otherwise waits for in turn
     * (bench/README.md, "Applies at the engine's speed"). A failure here says nothing: the real
     * call meets it again and reports it.
     */
    void warmLocal() {
        Thread t = new Thread(() -> {
            try {
                ContainerRuntime rt = apply(null);
                rt.ping();
                // A label no container has: the list and its reader, the same call a refresh makes first.
                rt.listSummaries(List.of("dev.berth.warm-up"));
            } catch (RuntimeException e) {
                // See above: the call that needs the engine reports what is wrong.
            }
        }, "berth-engine-warm");
        t.setDaemon(true);
        t.start();
    }

    private TlsMaterial recorded(String host) {
        try {
            return tlsFor.apply(host).orElse(null);
        } catch (RuntimeException e) {
            // No control plane to ask (checking only): the engine is reached without TLS and says so if it needs it.
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        opened.forEach(ContainerRuntime::close);
    }
}
