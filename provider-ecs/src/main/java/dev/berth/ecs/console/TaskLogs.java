package dev.berth.ecs.console;

import java.time.Instant;
import java.util.List;

/** The tail of what a task's containers wrote, as {@code berth logs TASK} prints it. */
@FunctionalInterface
public interface TaskLogs {
    /** Nothing is kept: every task answers with no lines. */
    TaskLogs NONE = (cluster, task, lines) -> new Tail(List.of(), List.of());

    /** The last {@code lines} lines of the task's kept containers, oldest first. */
    Tail tail(String cluster, String task, int lines);

    /** One line: when, which container, what. */
    record Line(Instant time, String container, String text) {
    }

    /** A container whose output berth does not keep, and its Docker log driver (null: the engine's default). */
    record NotKept(String container, String driver) {
    }

    record Tail(List<Line> lines, List<NotKept> notKept) {
    }
}
