package dev.berth.ecs.console;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.logs.LogArchive;
import dev.berth.ecs.logs.LogSources;
import dev.berth.ecs.logs.LogSources.Source;
import dev.berth.ecs.logs.LogTail;
import dev.berth.ecs.runtime.ContainerRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@link TaskLogs} from berth's log store by the same path as {@code berth logs}: the task's
 * containers found through ECS's actions ({@link LogSources}), their output copied into the
 * store and read back ({@link LogTail}). Copying a running container's output is what
 * {@code berth logs} does too; it changes no row of the world.
 */
public final class StoreTaskLogs implements TaskLogs {
    private final EcsApi api;
    private final LogArchive archive;
    private final Function<String, ContainerRuntime> runtimes;

    public StoreTaskLogs(EcsApi api, LogArchive archive, Function<String, ContainerRuntime> runtimes) {
        this.api = api;
        this.archive = archive;
        this.runtimes = runtimes;
    }

    @Override
    public Tail tail(String cluster, String task, int lines) {
        List<Source> sources = new LogSources(api).find(task, cluster, null);
        List<NotKept> notKept = new ArrayList<>();
        for (Source s : sources) if (!s.kept()) notKept.add(new NotKept(s.container(), s.driver()));
        List<LogTail.Entry> all = new LogTail(archive, runtimes).next(sources, null);
        List<Line> out = new ArrayList<>();
        for (LogTail.Entry e : all.subList(Math.max(0, all.size() - lines), all.size())) {
            out.add(new Line(e.line().time(), e.source().container(), e.line().text()));
        }
        return new Tail(out, notKept);
    }
}
