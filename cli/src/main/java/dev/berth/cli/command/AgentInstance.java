package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.ecs.agent.AgentLog;
import dev.berth.ecs.agent.InstanceAgent;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.store.EcsStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth agent --cluster}: the container instance the agent registers and keeps connected. */
final class AgentInstance {
    /** How often the agent registers its instance again (the control plane's heartbeat). */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private AgentInstance() {
    }

    static InstanceAgent start(EcsStore store, Workspace ws, String cluster, String dockerHost,
                               List<String> attributes, AgentLog log) {
        Map<String, String> attrs = new TreeMap<>();
        for (String a : attributes) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--attribute \"" + a + "\" is not KEY=VALUE.");
            attrs.put(a.substring(0, eq), a.substring(eq + 1));
        }
        InstanceAgent agent = new InstanceAgent(new ControlPlane(store, ws.runtimes()),
                new InstanceAgent.Registration(cluster, dockerHost, attrs, "berth " + BerthCommand.VERSION), log);
        agent.start(HEARTBEAT);
        return agent;
    }
}
