package dev.berth.ecs.dockerd;

import dev.berth.ecs.testing.LoopbackPorts;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Docker engine for one test class, beside the shared one and never touching it: its
 * own data root, exec root (and so its own containerd), pid file and unix socket under a fresh
 * directory in /tmp, no default bridge, no iptables rules, host ports on 127.0.0.1, and
 * optionally a second listener on {@code tcp://127.0.0.1:PORT} with {@code --tlsverify}. The
 * example image is loaded into it from the shared engine. A test may {@link #stop()},
 * {@link #kill()} and {@link #start()} it again (the faults tests stop it mid-apply);
 * {@link #close()} removes its containers and networks, stops it and deletes its directories,
 * whatever state it was left in. Its networks take subnets from {@link #ADDRESS_POOL} only.
 *
 * <p>Starting an engine needs root; without root (or without dockerd) the test is skipped, and
 * with CI=true it fails instead, so a broken CI machine cannot pass by skipping.
 */
public final class SecondDockerd implements AutoCloseable {
    public static final String IMAGE = "berth-example/busybox:latest";
    private static final String METADATA_IMAGE = "berth/metadata:latest";
    private static final long START_SECONDS = 40;
    /** The subnets private engines give their networks; the shared engine never uses 10.222/16. */
    public static final String ADDRESS_POOL = "10.222.0.0/16";

    private final Path base;
    private final TestCertificates tls;
    private final int tlsPort;
    private Process process;
    private boolean closed;

    private SecondDockerd(Path base, TestCertificates tls, int tlsPort) {
        this.base = base;
        this.tls = tls;
        this.tlsPort = tlsPort;
    }

    /** An engine on a unix socket only. */
    public static SecondDockerd plain() {
        return launch(null);
    }

    /** An engine on a unix socket and on tcp://127.0.0.1:PORT, verifying clients against {@code certs}' CA. */
    public static SecondDockerd withTls(TestCertificates certs) {
        return launch(certs);
    }

    private static SecondDockerd launch(TestCertificates certs) {
        requireRootAndDockerd();
        Path base = Path.of("/tmp", "berth-d2-" + UUID.randomUUID().toString().substring(0, 8));
        SecondDockerd engine = new SecondDockerd(base, certs, certs == null ? 0 : LoopbackPorts.free());
        try {
            engine.start();
            engine.loadImages();
        } catch (RuntimeException | Error e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** unix:///tmp/berth-d2-.../docker.sock: always served, with no TLS. */
    public String unixHost() {
        return "unix://" + socket();
    }

    /** tcp://127.0.0.1:PORT, the TLS listener; only for an engine started with certificates. */
    public String tlsHost() {
        if (tls == null) throw new IllegalStateException("this engine was started without TLS");
        return "tcp://127.0.0.1:" + tlsPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public TestCertificates certificates() {
        return tls;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the engine (again, after {@link #stop()} or {@link #kill()}) and waits until it answers. */
    public synchronized void start() {
        if (closed) throw new IllegalStateException("closed");
        if (running()) return;
        try {
            Files.createDirectories(base.resolve("data"));
            Files.createDirectories(base.resolve("exec"));
            Files.deleteIfExists(socket());
            forgetDeadContainerd();
            // An empty configuration file of its own: a daemon.json meant for the shared engine must not apply here.
            Path config = base.resolve("daemon.json");
            if (!Files.exists(config)) Files.writeString(config, "{}\n");
            List<String> cmd = new ArrayList<>(List.of("dockerd", "--config-file", config.toString(),
                    "--data-root", base.resolve("data").toString(),
                    "--exec-root", base.resolve("exec").toString(),
                    "--pidfile", base.resolve("dockerd.pid").toString(),
                    "-H", unixHost(),
                    "--bridge=none", "--iptables=false", "--ip6tables=false", "--ip", "127.0.0.1",
                    // Its networks' bridges live in the host's namespace beside the shared engine's:
                    // a pool of its own keeps the two from taking each other's (and stale) subnets.
                    "--default-address-pool", "base=" + ADDRESS_POOL + ",size=24",
                    // busybox as PID 1 ignores SIGTERM; a stop should not wait 15 s per container.
                    "--shutdown-timeout", "2"));
            if (tls != null) {
                cmd.addAll(List.of("-H", "tcp://127.0.0.1:" + tlsPort, "--tlsverify",
                        "--tlscacert", tls.caCert().toString(), "--tlscert", tls.serverCert().toString(),
                        "--tlskey", tls.serverKey().toString()));
            }
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("dockerd.log").toFile())).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("dockerd did not start", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("dockerd exited at start: " + logTail());
            if (docker("version", "--format", "{{.Server.Version}}").exitCode() == 0) return;
            sleep(250);
        }
        throw new IllegalStateException("dockerd did not answer on " + unixHost() + " within " + START_SECONDS + " s: "
                + logTail());
    }

    /** Stops the engine as an operator would (SIGTERM; its containers are stopped with it). */
    public synchronized void stop() {
        if (!running()) return;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills dockerd with SIGKILL, as a crash would: its containerd dies with it, its containers'
     * processes live on, and a later {@link #start()} takes them up again.
     */
    public synchronized void kill() {
        if (!running()) return;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * dockerd reuses the containerd named in its pid file when that pid is alive. After a kill
     * the containerd dies too, but this machine's init reaps late, so the pid can still be a
     * zombie, which dockerd takes for alive and then waits on forever.
     */
    private void forgetDeadContainerd() throws IOException {
        Path pidFile = base.resolve("exec/containerd/containerd.pid");
        if (!Files.exists(pidFile)) return;
        String pid = Files.readString(pidFile).strip();
        Path stat = Path.of("/proc", pid, "stat");
        boolean alive = false;
        try {
            String s = Files.readString(stat);
            alive = s.substring(s.lastIndexOf(')') + 2).charAt(0) != 'Z' && s.contains("(containerd)");
        } catch (IOException | RuntimeException e) {
            // Gone: not alive.
        }
        if (!alive) Files.delete(pidFile);
    }

    /** Runs the docker CLI against this engine's unix socket. */
    public Commands.Result docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", unixHost()));
        cmd.addAll(List.of(args));
        return Commands.run(null, 60, cmd);
    }

    /** The end of the engine's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(base.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Removes every container and network, stops the engine and deletes its directories. An
     * engine that was killed is started once more first, so that dockerd itself stops what it
     * left running.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        try {
            if (!running() && Files.exists(base.resolve("data"))) {
                try {
                    start();
                } catch (RuntimeException e) {
                    // Leftovers are still killed and unmounted below.
                }
            }
            if (running()) {
                String ids = docker("ps", "-aq").output().strip();
                if (!ids.isEmpty()) {
                    List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                    rm.addAll(List.of(ids.split("\\s+")));
                    docker(rm.toArray(String[]::new));
                }
                // A stopped dockerd keeps its networks' bridges in the host's namespace, and with
                // its data root deleted nothing would ever remove them: each leaked bridge holds a
                // subnet that no engine on this machine can then assign.
                docker("network", "prune", "-f");
            }
            stop();
        } finally {
            closed = true;
            killLeftovers();
            unmountLeftovers();
            deleteTree(base);
        }
    }

    private void loadImages() {
        Commands.shell(120, "docker save " + IMAGE + " | docker -H " + unixHost() + " load")
                .orFail("loading " + IMAGE + " into the second engine");
        if (Commands.run(null, 30, List.of("docker", "image", "inspect", METADATA_IMAGE)).exitCode() == 0) {
            Commands.shell(120, "docker save " + METADATA_IMAGE + " | docker -H " + unixHost() + " load")
                    .orFail("loading " + METADATA_IMAGE + " into the second engine");
        }
    }

    private Path socket() {
        return base.resolve("docker.sock");
    }

    /** Our containerd and shims, found by this engine's own directory in their command lines only. */
    private void killLeftovers() {
        String mark = base.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(mark)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private void unmountLeftovers() {
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .map(l -> l.split(" ")[1]).filter(m -> m.startsWith(base + "/"))
                    .sorted(Comparator.reverseOrder()).toList();
            for (String m : mounts) Commands.run(null, 10, List.of("umount", "-l", m));
        } catch (IOException e) {
            // Nothing mounted that we can see; the delete below reports what it cannot remove.
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            Commands.run(null, 60, List.of("rm", "-rf", dir.toString()));
        }
    }

    private static void requireRootAndDockerd() {
        String why = null;
        if (!"0".equals(Commands.run(null, 5, List.of("id", "-u")).output().strip())) {
            why = "starting a second Docker engine needs root";
        } else if (Commands.run(null, 5, List.of("dockerd", "--version")).exitCode() != 0) {
            why = "dockerd is not installed";
        }
        if (why == null) return;
        if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but " + why);
        Assumptions.abort(why);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dockerd", e);
        }
    }
}
