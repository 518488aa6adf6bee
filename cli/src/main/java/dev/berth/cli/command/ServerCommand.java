package dev.berth.cli.command;

import dev.berth.cli.wiring.ControlPlaneHost;
import dev.berth.ecs.agent.Agent;
import dev.berth.ecs.agent.AgentLog;
import dev.berth.ecs.agent.ControlPlaneRepairer;
import dev.berth.ecs.agent.ServiceLeaseKeeper;
import dev.berth.ecs.agent.ServiceSignals;
import dev.berth.ecs.console.StoreTaskLogs;
import dev.berth.ecs.http.EcsHttpServer;
import dev.berth.ecs.sigv4.Verifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code berth server}: the control plane over ECS's JSON protocol, so the AWS CLI and SDKs
 * ({@code --endpoint-url}) and other berth configurations ({@code provider "ecs" { endpoint }})
 * share one world. Runs until SIGTERM or Ctrl-C, lets the requests in hand finish, exits 0.
 */
@Command(name = "server", description = "Serve the ECS control plane to the AWS CLI, the AWS SDKs and other berth runs.")
final class ServerCommand implements Callable<Integer> {
    /** How often every service is checked in full, besides following engines' events. */
    private static final Duration RESYNC = Duration.ofSeconds(30);

    @Option(names = {"--listen", "-listen"}, paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:4566",
            description = "Where to listen (default: 127.0.0.1:4566, loopback only).")
    String listen;

    @Option(names = {"--credentials", "-credentials"}, paramLabel = "FILE",
            description = "Access keys that may call, in the AWS CLI's credentials file format; every request must "
                    + "then carry a valid SigV4 signature by one of them. Required to listen beyond loopback.")
    Path credentials;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress address;
        try {
            address = EcsHttpServer.parseListen(listen);
        } catch (IllegalArgumentException e) {
            throw new Errors.UserError(e.getMessage());
        }
        Verifier verifier = ServerAccess.verifier(address, credentials == null ? null
                : ((BerthCommand) spec.root().userObject()).workingDir().resolve(credentials));
        BerthCommand root = (BerthCommand) spec.root().userObject();
        var storeFile = ControlPlaneHost.storeFile(root.workingDir(), root.env());
        CountDownLatch stop = new CountDownLatch(1);
        try (ControlPlaneHost host = ControlPlaneHost.serve(storeFile,
                ControlPlaneHost.secretsFile(root.workingDir(), root.env()), root.env());
             EcsHttpServer server = start(address, host, verifier, err);
             Interrupts signals = Interrupts.onSignal(stop::countDown)) {
            out.println("berth server listening on " + server.endpoint() + ", serving the control plane in " + storeFile);
            out.println(verifier == null ? "The read-only console is at " + server.endpoint() + "/"
                    : "Every request must be signed (SigV4) by a key in " + credentials + "; the console is closed.");
            out.flush();
            Thread hook = new Thread(stop::countDown, "server-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            ServiceLoop services = serviceLoop(host, out, root.env());
            try {
                awaitQuietly(stop);
            } finally {
                services.stop();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping; closing below still lets requests in hand finish.
            }
        }
        out.println("berth server stopped");
        out.flush();
        return 0;
    }

    /**
     * The agent's loop on the served control plane: rolls out the deployments that CreateService
     * and UpdateService recorded, follows every engine's events (a task whose essential container
     * dies is STOPPED at once) and keeps each service at its desired count, each repair one atomic
     * change as the requests are. One timestamped line per thing it does.
     */
    private static ServiceLoop serviceLoop(ControlPlaneHost host, PrintWriter out, java.util.Map<String, String> env) {
        AgentLog log = new AgentLog(line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }, Clock.systemUTC());
        // On a PostgreSQL control plane other servers may serve the same world: each keeps the
        // services whose lease it holds, and takes over those of a server that died.
        java.util.concurrent.atomic.AtomicReference<Agent> agentRef = new java.util.concurrent.atomic.AtomicReference<>();
        ServiceSignals signals = new ServiceSignals(host.store());
        ServiceLeaseKeeper keeper = host.leases().map(l -> new ServiceLeaseKeeper(l, signals, ServiceLeaseKeeper.ttl(env),
                arn -> agentRef.get().request(arn), log)).orElse(null);
        ControlPlaneRepairer repairer = keeper == null ? new ControlPlaneRepairer(host.api(), host::rollOut)
                : new ControlPlaneRepairer(host.api(), host::rollOut, keeper::keeps);
        Agent agent = new Agent(host.store(), host.runtimes(), repairer, log, RESYNC);
        agentRef.set(agent);
        // CreateService and UpdateService answer at once; this loop rolls their deployments out.
        // A call for a service another server keeps also signals that server, inside the call.
        host.rollouts().whenRequested(keeper == null ? agent::request : arn -> {
            agent.request(arn);
            signals.raise(arn);
        });
        Thread loop = new Thread(agent::run, "berth-server-services");
        loop.setDaemon(true);
        loop.start();
        if (keeper != null) {
            log.line("keeping services by lease as " + keeper.owner() + " (lease " + ServiceLeaseKeeper.ttl(env).toMillis()
                    / 1000.0 + " s)");
            keeper.start();
        }
        return new ServiceLoop(agent, keeper);
    }

    /** The agent's loop and, on a shared control plane, the keeper of its services' leases. */
    private record ServiceLoop(Agent agent, ServiceLeaseKeeper keeper) {
        void stop() {
            agent.stop(Duration.ofSeconds(10));
            if (keeper != null) keeper.close();
        }
    }

    private static EcsHttpServer start(InetSocketAddress address, ControlPlaneHost host, Verifier verifier, PrintWriter err) {
        try {
            return EcsHttpServer.start(address, host.api(), new StoreTaskLogs(host.api(), host.logs(), host.runtimes()),
                    verifier, line -> {
                err.println(Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS) + " " + line);
                err.flush();
            });
        } catch (UncheckedIOException e) {
            throw new Errors.UserError(e.getMessage() + ".");
        }
    }

    private static void awaitQuietly(CountDownLatch stop) {
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
