package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.ecs.runtime.Changed;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The looks at the engine's event log, against a stand-in that keeps and answers its log as dockerd does. */
class EngineChangesTest {
    /**
     * dockerd's event log as moby keeps it: entries in the order they were logged, each stamped
     * before it was logged; {@code GET /events?since&until} walks back from the newest entry,
     * skips those after {@code until} and stops at the first stamped before {@code since}.
     */
    private static final class Dockerd implements DockerHttpClient {
        /** A container's death in the log: which container, and when dockerd stamped it. */
        private record Entry(String containerId, long stampedAt) {
        }

        private final List<Entry> log = new ArrayList<>();
        private final List<PipedOutputStream> streams = new ArrayList<>();

        /** Logs the entry and, as moby's publisher does right after, sends it down every open stream. */
        synchronized void logged(String containerId, long stampedAt) {
            Entry e = new Entry(containerId, stampedAt);
            log.add(e);
            for (PipedOutputStream s : streams) {
                try {
                    s.write((json(e) + "\n").getBytes(StandardCharsets.UTF_8));
                    s.flush();
                } catch (java.io.IOException closed) {
                    // That stream's reader is gone.
                }
            }
        }

        private static String json(Entry e) {
            return "{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"" + e.containerId()
                    + "\",\"Attributes\":{}},\"time\":" + e.stampedAt() / 1_000_000_000L + ",\"timeNano\":" + e.stampedAt() + "}";
        }

        @Override
        public synchronized Response execute(Request request) {
            String path = request.path();
            if (!path.contains("/events")) return answer(404, new ByteArrayInputStream(new byte[0]));
            if (!path.contains("since=")) {
                // The witness: a stream of every event that stays open.
                try {
                    PipedOutputStream out = new PipedOutputStream();
                    streams.add(out);
                    return answer(200, new PipedInputStream(out));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            long since = nanos(param(path, "since"));
            long until = nanos(param(path, "until"));
            List<String> found = new ArrayList<>();
            for (int i = log.size() - 1; i >= 0; i--) {
                Entry e = log.get(i);
                long at = e.stampedAt();
                if (at < since) break;
                if (at > until) continue;
                found.add(0, json(e));
            }
            return answer(200, new ByteArrayInputStream(String.join("\n", found).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public synchronized void close() throws java.io.IOException {
            for (PipedOutputStream s : streams) s.close();
        }

        private static String param(String path, String name) {
            for (String p : path.substring(path.indexOf('?') + 1).split("&")) {
                if (p.startsWith(name + "=")) return p.substring(name.length() + 1);
            }
            throw new AssertionError("no " + name + " in " + path);
        }

        private static long nanos(String unix) {
            String[] parts = unix.split("\\.");
            return TimeUnit.SECONDS.toNanos(Long.parseLong(parts[0])) + Long.parseLong(parts[1]);
        }

        private static Response answer(int status, InputStream body) {
            return new Response() {
                @Override
                public int getStatusCode() {
                    return status;
                }

                @Override
                public Map<String, List<String>> getHeaders() {
                    return Map.of("Content-Type", List.of("application/json"));
                }

                @Override
                public InputStream getBody() {
                    return body;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static long now() {
        Instant t = Instant.now();
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }

    /** Looks over a stand-in dockerd, past the first one (which knows nothing from before it). */
    private static final class Looking implements AutoCloseable {
        final Dockerd engine = new Dockerd();
        final EngineChanges changes;

        Looking() throws InterruptedException {
            DockerClient client = DockerClientImpl.getInstance(
                    DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost("unix:///berth-test.sock").build(), engine);
            changes = new EngineChanges(client, engine, "unix:///berth-test.sock");
            // The first call opens the witness of engine restarts, the first look knows nothing from before it.
            changes.changedSince(Instant.now(), List.of());
            pause();
            changes.changedSince(Instant.now(), List.of());
            pause();
        }

        Changed since(Instant listed) {
            return changes.changedSince(listed, List.of());
        }

        @Override
        public void close() throws java.io.IOException {
            changes.close();
            engine.close();
        }
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(30); // beyond the slack a look allows for a stamp a moment early
    }

    @Test
    void aDeathTheEngineLogsAfterALookPastItsStampIsSeenByTheNextLook() throws Exception {
        try (Looking looks = new Looking()) {
            Instant listed = Instant.now(); // a listing that shows the container running begins
            pause();
            long died = now(); // dockerd stamps the container's death ...
            pause();
            assertEquals(Changed.containers(Set.of()), looks.since(listed), "... and has not logged it yet");
            pause();
            looks.engine.logged("c1", died); // ... logs it only now
            assertEquals(Changed.containers(Set.of("c1")), looks.since(listed),
                    "the next look finds the death, so the listing is not taken for current");
        }
    }

    /**
     * A death dockerd logs later than every look reads again ({@link EngineChanges#REREAD}) after
     * its stamp: no look finds it, since each stops at the first entry stamped before its
     * {@code since}; the open stream carries it when it is logged.
     */
    @Test
    void aDeathLoggedLaterThanLooksReadAgainComesDownTheStream() throws Exception {
        try (Looking looks = new Looking()) {
            Instant listed = Instant.now();
            pause();
            long died = now();
            pause();
            assertEquals(Changed.containers(Set.of()), looks.since(listed));
            Thread.sleep(EngineChanges.REREAD.toMillis() + 200);
            assertEquals(Changed.containers(Set.of()), looks.since(listed), "looks are past it now");
            looks.engine.logged("c1", died);
            Changed seen = Changed.NOTHING;
            for (int i = 0; i < 100 && seen.nothing(); i++) {
                Thread.sleep(20);
                seen = looks.since(listed);
            }
            assertEquals(Changed.containers(Set.of("c1")), seen, "the stream brought what no look could read");
        }
    }
}
