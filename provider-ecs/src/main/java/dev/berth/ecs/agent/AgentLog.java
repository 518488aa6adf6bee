package dev.berth.ecs.agent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/** One timestamped line per action, e.g. "2026-11-24T22:50:01Z task ... STOPPED (...)". */
public final class AgentLog {
    private final Consumer<String> out;
    private final Clock clock;

    public AgentLog(Consumer<String> out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void line(String text) {
        synchronized (this) {
            out.accept(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + " " + text);
        }
    }
}
