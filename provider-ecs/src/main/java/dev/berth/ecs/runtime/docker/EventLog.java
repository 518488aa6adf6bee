package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.berth.ecs.runtime.ContainerEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads Docker's event log once, between {@code since} and now. Docker replays only its most
 * recent 256 events (measured on 20.10), so an event older than that is not seen; callers use
 * events as hints of what to inspect, never as the only evidence of a state.
 */
final class EventLog {
    /** A bounded wait: with "until" in the past Docker closes the stream by itself at once. */
    private static final long TIMEOUT_SECONDS = 10;

    private EventLog() {
    }

    static List<ContainerEvent> read(DockerClient client, List<String> labelFilters, Instant since,
                                     Set<String> actions) throws InterruptedException {
        // "until" is this very moment, to the nanosecond: Docker holds the stream open until
        // "until" has passed, so a whole second rounded up would cost up to a second per refresh.
        // Anything after it happened after the containers were listed and shows next time.
        Instant until = Instant.now();
        List<ContainerEvent> out = Collections.synchronizedList(new ArrayList<>());
        var cmd = client.eventsCmd().withSince(Long.toString(Math.max(0, since.getEpochSecond())))
                .withUntil(until.getEpochSecond() + "." + String.format("%09d", until.getNano())).withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter(actions.toArray(String[]::new));
        if (!labelFilters.isEmpty()) cmd.withLabelFilter(labelFilters.toArray(String[]::new));
        ResultCallback.Adapter<Event> done = cmd.exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event e) {
                if (e.getActor() == null || e.getActor().getId() == null || e.getAction() == null) return;
                long nanos = e.getTimeNano() != null ? e.getTimeNano()
                        : e.getTime() == null ? 0 : TimeUnit.SECONDS.toNanos(e.getTime());
                out.add(new ContainerEvent(e.getActor().getId(), e.getAction(), nanos));
            }
        });
        done.awaitCompletion(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        synchronized (out) {
            return List.copyOf(out);
        }
    }
}
