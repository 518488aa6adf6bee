package dev.berth.ecs.store;

import java.util.List;

/** A row of {@code service_events}, keyed by service ARN: the service's events, newest first. */
public record EventsRow(List<Event> events) {
    public static final String TABLE = "service_events";

    public EventsRow {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** One event: when (ISO-8601, seconds) and ECS's sentence. */
    public record Event(String at, String message) {
    }
}
