package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.ecs.EcsProvider;
import dev.berth.engine.provider.MarkingProvider;
import dev.berth.engine.value.Secrets;
import dev.berth.ecs.agent.Agent;
import dev.berth.ecs.agent.AgentLog;
import dev.berth.ecs.agent.InstanceAgent;
import dev.berth.ecs.agent.StateRepairer;
import dev.berth.ecs.store.EcsStore;
import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.run.VariableSources;
import dev.berth.engine.run.VariableValues;
import dev.berth.engine.value.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code berth agent}: keeps what runs equal to the state between applies, as ECS's container
 * agent and service scheduler do. Runs until SIGTERM or Ctrl-C, then finishes the action in
 * hand, closes the state file and exits 0.
 */
@Command(name = "agent", description = "Keep services running between applies: replace stopped tasks, follow engines.")
final class AgentCommand extends WorkspaceCommand {
    @Option(names = "-resync-interval", paramLabel = "DURATION", defaultValue = "30s",
            description = "How often every service is checked in full, besides following events (default: 30s).")
    String resyncInterval;

    @Option(names = {"--cluster", "-cluster"}, paramLabel = "NAME",
            description = "Register the Docker engine beside this agent into cluster NAME as a container instance, "
                    + "as ECS's container agent does, and keep it connected.")
    String cluster;

    @Option(names = {"--docker-host", "-docker-host"}, paramLabel = "URL",
            description = "The engine to register (unix:///path.sock or tcp://host:port; default the local one).")
    String dockerHost;

    @Option(names = {"--attribute", "-attribute"}, paramLabel = "KEY=VALUE",
            description = "An attribute of the registered instance, e.g. ecs.availability-zone=zone-a; repeatable.")
    java.util.List<String> attributes = new java.util.ArrayList<>();

    @picocli.CommandLine.Mixin
    VariableOptions variables = new VariableOptions();

    @Override
    int run(Workspace ws) {
        Duration resync = Durations.parse(resyncInterval, "-resync-interval");
        // The configuration and variables only serve to keep outputs equal to what runs.
        Diagnostics diags = new Diagnostics();
        Config config = ws.config(diags);
        Map<String, Value> values = diags.hasErrors() ? Map.of() : VariableValues.resolve(config,
                VariableSources.collect(ws.dir(), System.getenv(), variables.given(), ws.sources(), diags),
                ws.evaluator(), diags);
        if (diags.hasErrors()) return fail(diags.list(), ws);
        PrintWriter out = term.out();
        // A line may quote what an engine said about a container (a failed command, say); the
        // secrets the configuration and the state know are taken out of it before it is printed.
        Secrets secrets = Secrets.in(Value.map(values)).and(StateSecrets.of(ws.store().read()));
        AgentLog log = new AgentLog(line -> {
            out.println(secrets.redact(line));
            out.flush();
        }, Clock.systemUTC());
        EcsStore ecsStore = ws.ecsStore();
        InstanceAgent instance = null;
        if (cluster != null) {
            try {
                instance = AgentInstance.start(ecsStore, ws, cluster, dockerHost, attributes, log);
            } catch (IllegalArgumentException | dev.berth.ecs.api.EcsException e) {
                term.err().println("Error: " + (e instanceof dev.berth.ecs.api.EcsException x ? x.errorName() + ": " : "")
                        + e.getMessage());
                term.err().flush();
                return 1;
            }
        }
        StateRepairer repairer = new StateRepairer(ws.store(), () -> MarkingProvider.of(new EcsProvider(ecsStore, ws.runtimes(),
                        dev.berth.ecs.placement.FargateCapacity.quotaFromEnvironment(), ws.secretResolver())),
                RunSession.who(), new AgentOutputs(ws, config, values));
        Agent agent = new Agent(ecsStore, ws.runtimes(), repairer, log, resync);
        // SIGTERM and Ctrl-C only ask the agent to stop: it returns and berth exits 0, not 143 or 130.
        Interrupts signals = Interrupts.onSignal(() -> agent.stop(Duration.ZERO));
        // Any other way the JVM shuts down still lets the action in hand finish.
        Thread hook = new Thread(() -> agent.stop(Duration.ofSeconds(10)), "agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (signals) {
            agent.run();
        } finally {
            // Nothing is deregistered: the instance turns disconnected once its heartbeats stop, as in ECS.
            if (instance != null) instance.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running and waits for this thread.
        }
        return 0;
    }
}
