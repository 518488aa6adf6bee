package dev.berth.ecs.agent;

import dev.berth.ecs.store.EcsStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a {@code berth server} that took a call for a service it does not keep tells the server
 * that keeps it (holds its lease) to roll the call's deployment out now rather than at its next
 * resync. A signal is a row per service holding a number drawn from one counter, plus a row
 * {@value #LATEST} holding the last number drawn; both are written inside the call's own unit of
 * work, so a keeper that sees the signal also sees the change it announces. Keepers read the one
 * row {@value #LATEST} every few hundred milliseconds, a lookup by key on either store (SQLite or
 * PostgreSQL), and read the table only when it changed.
 *
 * <p>Two calls on two servers may commit their signals in the other order than they drew their
 * numbers, so {@value #LATEST} is only a sign that something changed: which services did is
 * found by comparing each row with the number last seen for it, never by "numbers above N".
 */
public final class ServiceSignals {
    static final String TABLE = dev.berth.ecs.store.ServiceKeeping.SIGNALS;
    static final String COUNTER = "service-signal";
    /** Not an ARN, so never a service's key. */
    static final String LATEST = "latest";

    private final EcsStore store;
    private final Map<String, String> seen = new HashMap<>();
    private String seenLatest;
    private boolean primed;

    /** {@code store}: a call's writes to it must belong to the call (the control plane's unit-of-work store). */
    public ServiceSignals(EcsStore store) {
        this.store = store;
    }

    /** Tells the keeper of {@code serviceArn} to look at it; call inside the call that changed it. */
    public void raise(String serviceArn) {
        String json = "{\"seq\":" + store.next(COUNTER) + "}";
        store.put(TABLE, serviceArn, json);
        store.put(TABLE, LATEST, json);
    }

    /**
     * The services signalled since the last call; the first call only learns where things stand
     * (a server starting resyncs every service anyway). Called from one thread.
     */
    public Set<String> changed() {
        String latest = store.get(TABLE, LATEST).orElse(null);
        boolean first = !primed;
        primed = true;
        if (Objects.equals(latest, seenLatest)) return Set.of();
        seenLatest = latest;
        Set<String> out = new TreeSet<>();
        Map<String, String> rows = store.list(TABLE);
        rows.forEach((arn, json) -> {
            if (arn.equals(LATEST)) return;
            String before = seen.put(arn, json);
            if (!first && !json.equals(before)) out.add(arn);
        });
        seen.keySet().retainAll(rows.keySet());
        return out;
    }
}
