package dev.berth.ecs.service;

import dev.berth.ecs.store.EventsRow;
import dev.berth.ecs.store.EventsRow.Event;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.EcsStore;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.schema.Ec2ServiceSchema.E_AT;
import static dev.berth.ecs.schema.Ec2ServiceSchema.E_MESSAGE;

/** A service's events (placement failures, steady state, deployments), newest first, as ECS keeps the last 100. */
public final class EventLog {
    public static final int KEEP = 100;

    private final Table<EventsRow> rows;

    public EventLog(EcsStore store) {
        this.rows = new Table<>(store, EventsRow.TABLE, EventsRow.class);
    }

    /** Adds the event in one step on the row as stored, so events other processes add meanwhile are kept. */
    public void add(String serviceArn, String message) {
        Event event = new Event(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), message);
        rows.update(serviceArn, now -> {
            List<Event> list = new ArrayList<>();
            list.add(event);
            if (now != null) list.addAll(now.events());
            return new EventsRow(list.size() > KEEP ? list.subList(0, KEEP) : list);
        });
    }

    public List<Event> list(String serviceArn) {
        return rows.get(serviceArn).map(EventsRow::events).orElse(List.of());
    }

    public void forget(String serviceArn) {
        rows.delete(serviceArn);
    }

    /** The computed {@code events} attribute: a list of {at, message}. */
    public Value value(String serviceArn) {
        List<Value> out = new ArrayList<>();
        for (Event e : list(serviceArn)) out.add(new MapValue(Map.of(E_AT, Value.of(e.at()), E_MESSAGE, Value.of(e.message()))));
        return Value.list(out);
    }
}
