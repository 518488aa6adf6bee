package dev.berth.cli.command;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT end the agent like a finished command: the handler only asks the agent to
 * stop, the command returns and berth exits 0. Left to the JVM, both would start a shutdown
 * that ends in status 143 or 130 however cleanly the agent stopped.
 */
final class AgentSignals {
    private AgentSignals() {
    }

    static void onStop(Runnable stop) {
        for (String name : new String[]{"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> stop.run());
            } catch (IllegalArgumentException unsupported) {
                // This platform has no such signal; the shutdown hook still stops the agent.
            }
        }
    }
}
