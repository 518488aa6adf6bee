package dev.berth.ecs.store;

import java.util.List;

/** A row of {@code service_events}, keyed by service ARN: the service's events, newest first. */
public record EventsRow(List<Event> events) {
    public static final String TABLE = "service_events";

    public EventsRow {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * One event: when (ISO-8601, seconds), ECS's sentence, and its id, drawn when it was added
     * (null in rows an older berth wrote; see {@code ServiceViews}), since the same sentence
     * may come twice within a second.
     */
    public record Event(String at, String message, String id) {
        public Event(String at, String message) {
            this(at, message, java.util.UUID.randomUUID().toString());
        }
    }
}
