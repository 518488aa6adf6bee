package dev.berth.ecs.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {
    private static List<EcsStore.Write> row(int i) {
        return List.of(new EcsStore.Write("t", "k" + i, "{}"), new EcsStore.Write("p", "k" + i, "{}"));
    }

    @Test
    void writersWaitingMeanwhileShareOneCommitAndEachReturnsOnceItsOwnIsCommitted() throws Exception {
        List<List<EcsStore.Write>> commits = Collections.synchronizedList(new ArrayList<>());
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        GroupCommit group = new GroupCommit(writes -> {
            sleep(50);
            commits.add(writes);
            writes.forEach(w -> committed.add(w.table() + "/" + w.key()));
        });
        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                go.await();
                group.write(row(n));
                // Returned: both of its rows are in a finished commit.
                assertTrue(committed.contains("t/k" + n) && committed.contains("p/k" + n), "k" + n);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) f.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(2 * writers, committed.size());
        assertTrue(commits.size() < writers, "12 writers at once, " + commits.size() + " commits");
        // A caller's writes are never split between two commits.
        for (List<EcsStore.Write> c : commits) assertEquals(0, c.size() % 2);
    }

    @Test
    void aFailedSharedCommitFailsOnlyTheWriterWhoseWritesFail() throws Exception {
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        GroupCommit group = new GroupCommit(writes -> {
            sleep(30);
            if (writes.stream().anyMatch(w -> w.key().equals("k3"))) throw new EcsStoreException("k3 cannot be written", null);
            writes.forEach(w -> committed.add(w.key()));
        });
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                go.await();
                group.write(row(n));
                return null;
            }));
        }
        go.countDown();
        for (int i = 0; i < writers; i++) {
            if (i == 3) {
                Exception e = assertThrows(Exception.class, () -> done.get(3).get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof EcsStoreException, String.valueOf(e.getCause()));
            } else {
                done.get(i).get(10, TimeUnit.SECONDS);
                assertTrue(committed.contains("k" + i), "k" + i);
            }
        }
        pool.shutdown();
        assertTrue(!committed.contains("k3"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
