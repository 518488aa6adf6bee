package dev.berth.ecs.control;

import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.Table;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Whether a container instance's agent is connected. An instance registered by {@code berth
 * agent} says so itself: the agent re-registers every {@link #INTERVAL} (its heartbeat), and one
 * not heard from for {@link #STALE} is disconnected, as ECS marks an instance whose agent went
 * quiet. An instance registered without an agent (an {@code ecs_container_instance}) is connected
 * while its engine answers.
 */
final class Heartbeats {
    static final String TABLE = "agent_heartbeats";
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final Duration STALE = INTERVAL.multipliedBy(3);

    /** A row: when the agent last registered. */
    record Beat(String at) {
    }

    private final World world;
    private final Table<Beat> beats;
    private final Function<String, ContainerRuntime> runtimes;
    private final Clock clock;

    Heartbeats(World world, Function<String, ContainerRuntime> runtimes, Clock clock) {
        this.world = world;
        this.beats = new Table<>(world.store, TABLE, Beat.class);
        this.runtimes = runtimes;
        this.clock = clock;
    }

    void beat(String instanceArn) {
        beats.put(instanceArn, new Beat(clock.instant().toString()));
    }

    void forget(String instanceArn) {
        beats.delete(instanceArn);
    }

    /** Checks the instance now and records the answer on its row, which placement reads. */
    InstanceRow refresh(InstanceRow row) {
        boolean connected = connected(row);
        if (connected == row.connected()) return row;
        InstanceRow now = row.withConnected(connected);
        world.instances.put(now.arn(), now);
        return now;
    }

    private boolean connected(InstanceRow row) {
        var beat = beats.get(row.arn());
        if (beat.isPresent()) {
            return Duration.between(Instant.parse(beat.get().at()), clock.instant()).compareTo(STALE) < 0;
        }
        try {
            runtimes.apply(row.dockerHost()).ping();
            return true;
        } catch (RuntimeFailure f) {
            return false;
        }
    }
}
