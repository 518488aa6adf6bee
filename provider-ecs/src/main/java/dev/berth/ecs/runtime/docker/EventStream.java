package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.berth.ecs.runtime.ContainerEvent;
import dev.berth.ecs.runtime.EventSink;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live container event stream of one engine. No "until": Docker keeps the response open and
 * writes each event as it happens (a kill's "die" arrives about 0.1 s later), so nothing polls.
 * The sink hears of the end exactly once, whether the engine went away or the stream was closed.
 */
final class EventStream implements AutoCloseable {
    private final AtomicBoolean ended = new AtomicBoolean();
    private final EventSink sink;
    private final ResultCallback.Adapter<Event> callback;

    private EventStream(EventSink sink) {
        this.sink = sink;
        this.callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event e) {
                if (e.getActor() == null || e.getActor().getId() == null || e.getAction() == null) return;
                long nanos = e.getTimeNano() != null ? e.getTimeNano()
                        : e.getTime() == null ? 0 : TimeUnit.SECONDS.toNanos(e.getTime());
                sink.event(new ContainerEvent(e.getActor().getId(), e.getAction(), nanos, e.getActor().getAttributes()));
            }

            @Override
            public void onError(Throwable t) {
                end(t);
            }

            @Override
            public void onComplete() {
                end(null);
            }
        };
    }

    static EventStream follow(DockerClient client, List<String> labelFilters, Instant since, EventSink sink) {
        EventStream stream = new EventStream(sink);
        var cmd = client.eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                .withSince(Long.toString(Math.max(0, since.getEpochSecond())));
        if (!labelFilters.isEmpty()) cmd.withLabelFilter(labelFilters.toArray(String[]::new));
        cmd.exec(stream.callback);
        return stream;
    }

    private void end(Throwable cause) {
        if (ended.compareAndSet(false, true)) sink.ended(cause);
    }

    @Override
    public void close() {
        try {
            callback.close();
        } catch (IOException | RuntimeException e) {
            // The connection is being dropped either way.
        }
        end(null);
    }
}
