package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the kernel killed a container for its memory. Docker's {@code State.OOMKilled} is not
 * enough: Docker 20.10 sets it only when containerd's OOM event reaches it before the exit, and
 * when the exit comes first the container stays "not OOM-killed" for good, though Docker still
 * logs an {@code oom} event for it. So a container that died of SIGKILL (137) without the flag is
 * asked about in the engine's event log, from its creation until a moment after its exit.
 */
final class OomEvents {
    private static final int SIGKILL_EXIT = 137;
    private static final long WAIT_SECONDS = 3;
    /** How long after an exit its "oom" may still come. */
    private static final java.time.Duration OOM_AFTER_EXIT = java.time.Duration.ofMillis(300);

    private OomEvents() {
    }

    /** What the inspect says, or else whether the engine logged an "oom" for a container that died of SIGKILL. */
    static boolean killedForMemory(DockerClient client, InspectContainerResponse details) {
        var state = details.getState();
        if (state == null) return false;
        if (Boolean.TRUE.equals(state.getOOMKilled())) return true;
        Long exit = state.getExitCodeLong();
        if (Boolean.TRUE.equals(state.getRunning()) || exit == null || exit != SIGKILL_EXIT) return false;
        return logged(client, details.getId(), details.getCreated(), parse(state.getFinishedAt()));
    }

    /** Whether the engine's event log holds an "oom" of the container between {@code since} (as Docker writes times) and now. */
    static boolean logged(DockerClient client, String containerId, String since) {
        return logged(client, containerId, since, null);
    }

    /**
     * As above, but for a container that ended at {@code finished} the log is read until a moment
     * after that: when the race above happens, the "oom" comes just after the exit, and a look
     * taken at once (the agent looks as soon as it hears "die") would miss it. The engine holds
     * the answer open until then.
     */
    private static boolean logged(DockerClient client, String containerId, String since, Instant finished) {
        AtomicBoolean seen = new AtomicBoolean();
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event e) {
                if ("oom".equals(e.getAction())) seen.set(true);
            }
        };
        Instant now = Instant.now();
        Instant until = finished != null && finished.plus(OOM_AFTER_EXIT).isAfter(now) ? finished.plus(OOM_AFTER_EXIT) : now;
        try {
            var cmd = client.eventsCmd().withEventTypeFilter(EventType.CONTAINER).withContainerFilter(containerId)
                    .withEventFilter("oom")
                    // "until" to the nanosecond: the engine answers from its log and ends the stream then.
                    .withUntil(EventTimes.unix(until));
            // The API takes Unix times only (the docker CLI converts the RFC 3339 an inspect gives).
            Instant from = parse(since);
            if (from != null) cmd.withSince(EventTimes.unix(from));
            cmd.exec(callback).awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // An engine that cannot say leaves the container as its inspect showed it.
        } finally {
            try {
                callback.close();
            } catch (IOException | RuntimeException ignored) {
                // The stream is over either way.
            }
        }
        return seen.get();
    }

    private static Instant parse(String time) {
        try {
            return time == null || time.isBlank() ? null : Instant.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
