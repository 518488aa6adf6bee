package dev.berth.ecs.logs;

import dev.berth.ecs.logs.LogSources.Source;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.LogLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads kept streams on from where the last read ended, as {@code berth logs -f} needs: before
 * each read, the output of containers that still exist is copied into the store (so what is read
 * is what the store keeps, and nothing a container wrote is shown twice), then the new lines of
 * every stream are merged in time order.
 */
public final class LogTail {
    /** One line and the container it came from. */
    public record Entry(Source source, LogLine line) {
    }

    private final LogArchive archive;
    private final Function<String, ContainerRuntime> runtimes;
    private final Map<String, Long> offsets = new HashMap<>();
    /** Containers whose output is complete and already copied (their task stopped). */
    private final Set<String> settled = new HashSet<>();

    public LogTail(LogArchive archive, Function<String, ContainerRuntime> runtimes) {
        this.archive = archive;
        this.runtimes = runtimes;
    }

    /** The lines of these sources not returned before, at or after {@code since} (null: all), oldest first. */
    public List<Entry> next(List<Source> sources, Instant since) {
        List<Entry> out = new ArrayList<>();
        for (Source s : sources) {
            if (!s.kept()) continue;
            copy(s);
            String key = s.group() + "\n" + s.stream();
            LogStore.Chunk chunk = archive.store().read(s.group(), s.stream(), offsets.getOrDefault(key, 0L));
            offsets.put(key, chunk.next());
            for (LogLine l : chunk.lines()) if (since == null || !l.time().isBefore(since)) out.add(new Entry(s, l));
        }
        out.sort(Comparator.comparing((Entry e) -> e.line().time()));
        return out;
    }

    private void copy(Source s) {
        if (s.runtimeId() == null || s.stream() == null || settled.contains(s.runtimeId())) return;
        archive.keep(runtimes.apply(s.dockerHost()), s.runtimeId(), s.labels());
        if (!s.running()) settled.add(s.runtimeId());
    }
}
