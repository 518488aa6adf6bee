package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.berth.ecs.runtime.Changed;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the engine's event log said changed, and when (this machine's epoch nanoseconds): the
 * containers each event touched, or "anything" for what a listing of some containers cannot
 * repair. Kept for a while, so a listing of any age within it can be told what changed since it
 * began; one older than what is kept is told "anything".
 * <ul>
 * <li>A container's own events (create, start, die, update, health, rename, oom, destroy ...)
 * touch it; its {@code exec_*} events run a process inside it without changing it (berth's
 * metadata exec, health probes) and touch nothing.</li>
 * <li>A network's or a volume's event about a container (connect, disconnect, mount, unmount)
 * touches that container; one about no container (a network made or removed) touches none, as a
 * listing shows networks and volumes only through the containers that use them.</li>
 * <li>Anything else (an image tagged, pulled or removed: a listing names a container's image by
 * what its tag means now; the daemon reloaded; a kind of event this build does not know) is
 * "anything".</li>
 * <li>A look that did not read to its end, or found the log full (Docker keeps 256 events, so
 * some may have been pushed out) is "anything" at the time it ended.</li>
 * </ul>
 * Touches are kept by the time the engine stamped them, not in the order looks read them: looks
 * read the last seconds again ({@link EngineChanges}), and an event can reach the engine's log
 * after later-stamped ones, so what a look brings may be older than what is kept already. A
 * touch read twice is the same touch.
 */
final class ChangeLog {
    /** Fewer than Docker's 256 kept events: a look this full may have lost some. */
    static final int FULL_LOG = 200;
    private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(5);

    /** The containers touched, by the moment (this machine's epoch nanoseconds) the engine stamped it. */
    private final NavigableMap<Long, Set<String>> touches = new TreeMap<>();
    /** The latest moment anything may have changed. */
    private long anythingAt = Long.MIN_VALUE;
    /** Touches before this moment were let go of. */
    private long keptFrom = Long.MIN_VALUE;

    /** Counts everything as changed at {@code now} (nothing is known from before it). */
    void anything(long now) {
        anythingAt = Math.max(anythingAt, now);
    }

    /**
     * Takes in what one look read: {@code events} ({@code complete}: to the log's end), stamped by
     * an engine whose clock is {@code offset} ahead of this machine's, which read {@code now}.
     */
    void record(List<Event> events, boolean complete, long offset, long now) {
        if (!complete || events.size() >= FULL_LOG) anything(now);
        for (Event e : events) {
            String action = e.getAction();
            if (action != null && action.startsWith("exec_")) continue;
            long at = (e.getTimeNano() != null ? e.getTimeNano()
                    : e.getTime() != null ? TimeUnit.SECONDS.toNanos(e.getTime() + 1) : now + offset) - offset;
            String id = touched(e);
            if (id == null) anything(at);
            else if (!id.isEmpty()) touches.computeIfAbsent(at, k -> new HashSet<>()).add(id);
        }
        NavigableMap<Long, Set<String>> old = touches.headMap(now - KEEP_NANOS, false);
        if (!old.isEmpty()) {
            keptFrom = Math.max(keptFrom, old.lastKey());
            old.clear();
        }
    }

    /** What changed at or after {@code from}. */
    Changed since(long from) {
        if (anythingAt >= from || keptFrom >= from) return Changed.ANYTHING;
        Set<String> ids = new HashSet<>();
        touches.tailMap(from, true).values().forEach(ids::addAll);
        return Changed.containers(ids);
    }

    /** The container an event touched, "" for none, null for anything. */
    static String touched(Event e) {
        EventType type = e.getType();
        Map<String, String> attributes = e.getActor() == null || e.getActor().getAttributes() == null ? Map.of()
                : e.getActor().getAttributes();
        if (type == EventType.CONTAINER) {
            String id = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId() : e.getId();
            return id == null || id.isEmpty() ? null : id;
        }
        if (type == EventType.NETWORK || type == EventType.VOLUME) return attributes.getOrDefault("container", "");
        return null;
    }
}
