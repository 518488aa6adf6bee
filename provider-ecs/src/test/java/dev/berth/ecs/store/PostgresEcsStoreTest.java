package dev.berth.ecs.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control plane in PostgreSQL, on the tests' real server, each test in a schema of its own. */
class PostgresEcsStoreTest {
    private final TestPg pg = new TestPg();

    @AfterEach
    void drop() throws Exception {
        pg.close();
    }

    @Test
    void rowsAndCountersSurviveReopeningAndListInKeyOrder() {
        try (PostgresEcsStore s = PostgresEcsStore.open(pg.pgUrl())) {
            s.put("clusters", "b", "{\"n\":2}");
            s.put("clusters", "a", "{\"n\":1}");
            s.put("clusters", "a", "{\"n\":3}");
            s.put("tasks", "a", "{}");
            s.delete("tasks", "a");
            assertEquals(1, s.next("task-seq"));
            assertEquals(2, s.next("task-seq"));
        }
        try (PostgresEcsStore s = PostgresEcsStore.open(pg.pgUrl())) {
            assertEquals(List.of("a", "b"), List.copyOf(s.list("clusters").keySet()));
            assertEquals(Optional.of("{\"n\":3}"), s.get("clusters", "a"));
            assertEquals(Map.of(), s.list("tasks"));
            assertEquals(3, s.next("task-seq"));
            assertEquals(Map.of("task-seq", 3L), s.dump().counters());
        }
    }

    @Test
    void getAllReadsTheRowsThatExistOfOneTableAtOnce() {
        try (PostgresEcsStore s = PostgresEcsStore.open(pg.pgUrl())) {
            s.put("tasks", "t1", "{\"n\":1}");
            s.put("tasks", "say \"hi\", 'you'", "{\"n\":2}");
            s.put("events", "t3", "{}");
            assertEquals(Map.of("t1", "{\"n\":1}", "say \"hi\", 'you'", "{\"n\":2}"),
                    s.getAll("tasks", List.of("t1", "say \"hi\", 'you'", "t3", "absent")));
            assertEquals(Map.of(), s.getAll("tasks", List.of()));
        }
    }

    @Test
    void writeAllIsAllOrNothing() {
        try (PostgresEcsStore s = PostgresEcsStore.open(pg.pgUrl())) {
            s.put("t", "keep", "{}");
            // A null table violates NOT NULL on the second write: the first must not stay either.
            assertThrows(EcsStoreException.class, () -> s.writeAll(List.of(new EcsStore.Write("t", "new", "{}"),
                    new EcsStore.Write(null, "x", "{}"))));
            assertEquals(Set.of("keep"), s.list("t").keySet());
            s.writeAll(List.of(new EcsStore.Write("t", "new", "{}"), new EcsStore.Write("t", "keep", null)));
            assertEquals(Set.of("new"), s.list("t").keySet());
        }
    }

    @Test
    void aSchemaWrittenByANewerBerthIsRefusedInOneSentence() throws Exception {
        PostgresEcsStore.open(pg.pgUrl()).close();
        pg.exec("INSERT INTO schema_version(version, applied) VALUES (99, 'later')");
        EcsStoreException e = assertThrows(EcsStoreException.class, () -> PostgresEcsStore.open(pg.pgUrl()));
        assertEquals("Cannot open the ecs control plane " + pg.pgUrl().shown() + ": it was written by a newer berth"
                + " (schema version 99; this berth knows up to " + PgSchema.LATEST + ").", e.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerIsOneSentenceWithoutThePassword() {
        System.setProperty("berth.pg.retrySeconds", "1");
        try {
            EcsStoreException e = assertThrows(EcsStoreException.class,
                    () -> PostgresEcsStore.open(PgUrl.parse("postgres://berth:s3cret@127.0.0.1:1/berth")));
            assertEquals("Cannot open the ecs control plane postgres://berth@127.0.0.1:1/berth: the server refused the"
                    + " connection (is it running?).", e.getMessage());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertTrue(e.getMessage().endsWith(")."), e.getMessage());
        } finally {
            System.clearProperty("berth.pg.retrySeconds");
        }
    }

    @Test
    void countersNeverHandOutAValueTwiceAcrossConnections() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (PostgresEcsStore a = PostgresEcsStore.open(pg.pgUrl()); PostgresEcsStore b = PostgresEcsStore.open(pg.pgUrl())) {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                PostgresEcsStore s = t % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) mine.add(s.next("task"));
                    return mine;
                }));
            }
            Set<Long> all = new TreeSet<>();
            for (Future<List<Long>> f : futures) all.addAll(f.get(60, TimeUnit.SECONDS));
            assertEquals(200, all.size());
            assertEquals(200L, all.stream().mapToLong(Long::longValue).max().orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A second process's placement waits while the first holds the lock, and goes on once it lets go. */
    @Test
    void thePlacementLockMakesASecondStoreWait() throws Exception {
        try (PostgresEcsStore a = PostgresEcsStore.open(pg.pgUrl()); PostgresEcsStore b = PostgresEcsStore.open(pg.pgUrl())) {
            AtomicBoolean bHolds = new AtomicBoolean();
            CountDownLatch bDone = new CountDownLatch(1);
            Thread other;
            try (EcsStore.Held held = a.holdPlacement()) {
                other = new Thread(() -> {
                    try (EcsStore.Held h = b.holdPlacement()) {
                        bHolds.set(true);
                    }
                    bDone.countDown();
                });
                other.start();
                assertFalse(bDone.await(500, TimeUnit.MILLISECONDS), "b placed while a held the lock");
                assertFalse(bHolds.get());
            }
            assertTrue(bDone.await(10, TimeUnit.SECONDS));
            assertTrue(bHolds.get());
            // The same thread holding it already gets a hold that does not wait for itself.
            try (EcsStore.Held outer = a.holdPlacement(); EcsStore.Held inner = a.holdPlacement()) {
                assertTrue(true);
            }
        }
    }

    @Test
    void aLeaseIsOneOwnersUntilItExpiresThenAnotherTakesIt() throws Exception {
        try (PostgresEcsStore s = PostgresEcsStore.open(pg.pgUrl())) {
            Duration ttl = Duration.ofMillis(800);
            assertTrue(s.claim("service/a", "one", ttl));
            assertFalse(s.claim("service/a", "two", ttl));
            assertEquals(Set.of("service/a"), s.renew("one", ttl));
            assertEquals(Set.of(), s.takeExpired("two", ttl));
            Thread.sleep(1200);
            assertEquals(Set.of("service/a"), s.takeExpired("two", ttl));
            assertFalse(s.claim("service/a", "one", ttl));
            assertEquals(Map.of("service/a", "two"), s.leaseHolders());
            s.release("two");
            assertTrue(s.claim("service/a", "one", ttl));
        }
    }
}
