package dev.berth.ecs.store;

import dev.berth.ecs.batch.GroupRun;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes from many threads committed together ({@link GroupRun}, berth's one group commit): a
 * writer that finds a commit in hand waits, and the first of the waiters commits everything that
 * queued meanwhile as one transaction, so an apply starting 16 tasks at once pays one commit where
 * it paid 16 one after another (bench/README.md, "Applies at the engine's speed"). A caller still
 * returns only once its own writes are committed, and they are still all or none: when a
 * transaction of several callers' writes fails, each caller's writes are committed again alone,
 * so each meets only its own failure.
 */
final class GroupCommit {
    private final GroupRun<List<EcsStore.Write>, Boolean> group;

    /** {@code commit} writes its list in one transaction, all or nothing. */
    GroupCommit(Consumer<List<EcsStore.Write>> commit) {
        this.group = new GroupRun<>(Integer.MAX_VALUE, writes -> 0, 0, batch -> commitAll(commit, batch));
    }

    void write(List<EcsStore.Write> writes) {
        group.submit(writes);
    }

    private static List<GroupRun.Outcome<Boolean>> commitAll(Consumer<List<EcsStore.Write>> commit,
                                                             List<List<EcsStore.Write>> batch) {
        if (batch.size() > 1) {
            List<EcsStore.Write> all = new ArrayList<>();
            batch.forEach(all::addAll);
            try {
                commit.accept(all);
                return batch.stream().map(w -> GroupRun.Outcome.of(true)).toList();
            } catch (RuntimeException e) {
                // Retried one by one below, so one caller's failure is never another's.
            }
        }
        List<GroupRun.Outcome<Boolean>> outcomes = new ArrayList<>();
        for (List<EcsStore.Write> writes : batch) {
            try {
                commit.accept(writes);
                outcomes.add(GroupRun.Outcome.of(true));
            } catch (RuntimeException e) {
                outcomes.add(GroupRun.Outcome.failed(e));
            }
        }
        return outcomes;
    }
}
