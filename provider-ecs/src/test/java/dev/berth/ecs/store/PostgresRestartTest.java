package dev.berth.ecs.store;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault: PostgreSQL restarted mid-run, on a private server this test starts (never the shared
 * one). Writes in flight while the server restarts are retried on a new connection and all land;
 * a server that stays away longer than the retry time is one sentence, and the next write after
 * it is back goes through, with nothing half-written.
 */
class PostgresRestartTest {
    @Test
    void writesDuringARestartAllLandAndAnOutageIsOneSentence() throws Exception {
        try (PrivatePostgres pg = new PrivatePostgres();
             PostgresEcsStore store = PostgresEcsStore.open(PgUrl.parse(pg.url()))) {
            Map<String, String> written = new TreeMap<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        String key = String.format("k%03d", i);
                        store.writeAll(java.util.List.of(new EcsStore.Write("tasks", key, "{\"i\":" + i + "}"),
                                new EcsStore.Write("placements", key, "{}")));
                        store.next("task-seq");
                        written.put(key, "{\"i\":" + i + "}");
                        Thread.sleep(5);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            writer.start();
            Thread.sleep(300);
            pg.stop();
            Thread.sleep(500);
            pg.start();
            writer.join(120_000);
            assertNull(failure.get(), () -> "a write failed across the restart: " + failure.get());
            assertEquals(written, store.list("tasks"));
            assertEquals(written.keySet(), store.list("placements").keySet(), "every unit of work landed whole");
            assertTrue(store.dump().counters().get("task-seq") >= 300, "no counter value was handed out twice");

            System.setProperty("berth.pg.retrySeconds", "1");
            try (PostgresEcsStore shortRetry = PostgresEcsStore.open(PgUrl.parse(pg.url()))) {
                pg.stop();
                EcsStoreException e = assertThrows(EcsStoreException.class, () -> shortRetry.put("tasks", "late", "{}"));
                assertEquals("Cannot write to the ecs control plane " + PgUrl.parse(pg.url()).shown()
                        + ": the server refused the connection (is it running?).", e.getMessage());
                pg.start();
                shortRetry.put("tasks", "late", "{}");
                assertEquals("{}", shortRetry.get("tasks", "late").orElseThrow());
            } finally {
                System.clearProperty("berth.pg.retrySeconds");
            }
        }
    }
}
