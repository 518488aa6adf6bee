package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.berth.ecs.runtime.Changed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * <p>
 * A container's own events also name its labels (moby copies every label into the event's
 * attributes, beside attributes of its own: {@code image}, {@code name}, {@code exitCode} ...),
 * and a container's labels never change. So a listing under label filters can be told that a
 * changed container it could never show did not change it: a DescribeServices under load is not
 * sent to list again the containers of tasks that are not the service's. Only label keys with a
 * dot are trusted, as moby's own attribute names have none (and overwrite a label named like
 * them); a container known only from a network's or volume's event is not known at all.
 */
final class ChangeLog {
    /** Fewer than Docker's 256 kept events: a look this full may have lost some. */
    static final int FULL_LOG = 200;
    private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(5);
    /** Containers whose labels are kept; the least recently touched are forgotten first. */
    static final int LABELLED = 10_000;

    /** The containers touched, by the moment (this machine's epoch nanoseconds) the engine stamped it. */
    private final NavigableMap<Long, Set<String>> touches = new TreeMap<>();
    /** The latest moment anything may have changed. */
    private long anythingAt = Long.MIN_VALUE;
    /** Touches before this moment were let go of. */
    private long keptFrom = Long.MIN_VALUE;
    /** The namespaced labels (keys with a dot) of the containers whose own events were read. */
    private final Map<String, Map<String, String>> labels = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
            return size() > LABELLED;
        }
    };

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
            if (id != null && e.getType() == EventType.CONTAINER && e.getActor() != null
                    && e.getActor().getAttributes() != null) {
                labels.computeIfAbsent(id, k -> namespaced(e.getActor().getAttributes()));
            }
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

    /**
     * As {@link #since(long)}, less the changed containers a listing under {@code labelFilters}
     * (Docker's {@code key} or {@code key=value}, all of which must match) cannot show: those
     * whose labels are known and fail one of them.
     */
    Changed since(long from, List<String> labelFilters) {
        Changed changed = since(from);
        if (changed.anything() || labelFilters.isEmpty()) return changed;
        Set<String> shown = new HashSet<>();
        for (String id : changed.containerIds()) {
            Map<String, String> known = labels.get(id);
            if (known == null || matches(known, labelFilters)) shown.add(id);
        }
        return Changed.containers(shown);
    }

    /** False only when a filter on a trusted key fails; a filter on any other key may match. */
    static boolean matches(Map<String, String> namespacedLabels, List<String> labelFilters) {
        for (String filter : labelFilters) {
            int eq = filter.indexOf('=');
            String key = eq < 0 ? filter : filter.substring(0, eq);
            if (!trusted(key)) continue;
            String value = namespacedLabels.get(key);
            if (value == null || (eq >= 0 && !value.equals(filter.substring(eq + 1)))) return false;
        }
        return true;
    }

    private static boolean trusted(String key) {
        return key.indexOf('.') >= 0;
    }

    private static Map<String, String> namespaced(Map<String, String> attributes) {
        Map<String, String> out = new HashMap<>();
        attributes.forEach((k, v) -> {
            if (trusted(k)) out.put(k, v);
        });
        return Map.copyOf(out);
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
