package dev.berth.ecs.runtime.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.ecs.runtime.Changed;
import dev.berth.ecs.runtime.FreshListings;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the engine changed that a listing shows, and when, read from its event log: which
 * containers each event touched, or anything ({@link ChangeLog} says which events count how).
 * Each look asks the log for the events since the previous look until now, so it is one short
 * answer from the engine's memory, not a listing; looks that arrive together share one
 * ({@link FreshListings}), each began after its callers arrived, and a caller that arrives while
 * one runs begins the next at once.
 * <p>
 * Docker keeps its last 256 events. A look that finds the log full of new events counts that as a
 * change of anything now, so events pushed out between two looks are never missed: whatever
 * pushed them out is newer.
 * <p>
 * An engine that restarts starts a new, empty log, so a look after it would find nothing though
 * every container may have died. A stream of the engine's events (a witness) is kept open: when
 * it ends, whether the engine went away or the connection timed out, nothing from before is
 * trusted, and only listings that began after a new witness was opened can be answered again.
 * What the witness carries goes to the log as well, by its stamp: an event the engine logged
 * later than {@link #REREAD} after stamping it, which no look reads, still reaches the log when
 * the engine publishes it, where before it was never seen (a possible cause of a container's death
 * once not seen for 10 s under CI's load, ContainerOrderIT).
 * <p>
 * A look is one plain request on the calling thread ({@code GET /events?since=...&until=...},
 * answered from the engine's memory), not docker-java's event command, which starts a thread of
 * its own for every call: under the load test that made a look take 3 ms at the median and 25 ms
 * at p99, and every Describe waited for one or two of them (bench/README.md). Its wait is the
 * connection's response timeout (30 s) where the event command's was 3 s: an engine that cannot
 * answer from memory for that long cannot answer the listing that would follow either.
 * <p>
 * The engine stamps events with its own clock. An engine on a Unix socket is on this machine
 * and shares its clock; for any other the difference is measured once from its {@code SystemTime}
 * (and again every ten minutes), and half that call's round trip is the error allowed for.
 */
final class EngineChanges {
    /** Slack for an event stamped a moment before the change it reports is visible to a listing. */
    private static final Duration SLACK = Duration.ofMillis(10);
    /**
     * How far back each look reads again. dockerd stamps an event before it takes the lock that
     * puts it in its log (moby's {@code events.Log}, then {@code PublishMessage}), so on a busy
     * machine an event can enter the log after a look whose end is past its stamp; and a look is
     * answered by walking the log back from its newest entry and stopping at the first stamped
     * before {@code since}, so such a late entry also hides every entry before it from a look
     * that begins after its stamp. Reading the last seconds again takes both in: a late event is
     * recorded by the next look (the log keeps touches by stamp, so one read twice is one).
     * With one millisecond here a container's death was never seen under CI's load
     * (ContainerOrderIT; EngineChangesTest).
     */
    static final Duration REREAD = Duration.ofSeconds(2);
    private static final Duration REMEASURE = Duration.ofMinutes(10);
    /** Looks that may run at once; each is a short answer from the engine's memory. */
    private static final int LOOKS_AT_ONCE = 4;
    /** The engine's events as its API writes them: one JSON object after another. */
    private static final ObjectReader EVENTS = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .readerFor(Event.class);

    /** The engine's clock minus this machine's, and how far that can be off, both in nanoseconds. */
    private record ClockOffset(long nanos, long error, Instant measuredAt) {
    }

    private static final ClockOffset SAME_CLOCK = new ClockOffset(0, 0, null);

    /** What one look found: the clock error allowed for (the changes went to the log). */
    private record Look(long error) {
    }

    /** An open stream of the engine's events; it ending is what counts, and what it carries is logged. */
    private final class Witness extends ResultCallback.Adapter<Event> {
        final Instant openedAt = Instant.now();
        volatile boolean ended;

        @Override
        public void onNext(Event e) {
            streamed(e);
        }

        @Override
        public void onError(Throwable t) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }
    }

    private final DockerClient client;
    private final DockerHttpClient http;
    private final boolean sameMachine;
    private final Object witnessLock = new Object();
    private Witness witness;
    private boolean closed;
    /** Several at once: a read waits for one look that began after it arrived, not for the one in hand first. */
    private final FreshListings<Look> looks = FreshListings.overlapping(LOOKS_AT_ONCE);
    private volatile ClockOffset offset;
    /** Engine time up to which the log has been read; 0: never. */
    private volatile long readUntil;
    /** What the looks found so far; its own lock. */
    private final ChangeLog log = new ChangeLog();

    EngineChanges(DockerClient client, DockerHttpClient http, String endpoint) {
        this.client = client;
        this.http = http;
        this.sameMachine = endpoint.startsWith("unix://");
    }

    /**
     * What changed from {@code since} until a look that began after this call, less the
     * containers a listing under {@code labelFilters} cannot show ({@link ChangeLog#since(long, List)}).
     */
    Changed changedSince(Instant since, List<String> labelFilters) {
        try {
            Witness w = witness();
            if (w == null || !w.openedAt.isBefore(since)) return Changed.ANYTHING;
            Look look = looks.list("", this::look);
            // Asked after the look: an engine that restarted before it had ended the witness by then.
            if (w.ended) return Changed.ANYTHING;
            synchronized (log) {
                return log.since(epochNanos(since) - look.error() - SLACK.toNanos(), labelFilters);
            }
        } catch (RuntimeException e) {
            return Changed.ANYTHING;
        }
    }

    /** The open witness, opening a new one when there is none or it ended (null once closed). */
    private Witness witness() {
        synchronized (witnessLock) {
            if (closed) return null;
            if (witness == null || witness.ended) {
                Witness w = new Witness();
                client.eventsCmd().exec(w);
                witness = w;
            }
            return witness;
        }
    }

    void close() {
        Witness w;
        synchronized (witnessLock) {
            closed = true;
            w = witness;
            witness = null;
        }
        if (w == null) return;
        try {
            w.close();
        } catch (IOException | RuntimeException ignored) {
            // The connection is being dropped either way.
        }
    }

    /**
     * Not under a lock the callers take: they wait for a look's answer, not behind it. Looks may
     * overlap: each reads from where the last finished look read to (so from no later than where
     * any look still running began), and what has been read only moves forward, so when a look
     * ends every event before its {@code until} is in the log, whichever ended first (but for one
     * the engine logs late, which the next look reads: {@link #REREAD}). An event two looks both
     * read is kept once.
     */
    private Look look() {
        ClockOffset o = offset();
        long now = epochNanos(Instant.now());
        // Until a moment the engine has surely reached: every change before the callers arrived is in.
        long until = now + o.nanos() + o.error();
        if (readUntil == 0) {
            // Nothing is known before the first look: count it as a change of anything now.
            synchronized (log) {
                log.anything(now);
                readUntil = Math.max(readUntil, until);
            }
            return new Look(o.error());
        }
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/events?since=" + EventTimes.unix(instant(readUntil - REREAD.toNanos()))
                        + "&until=" + EventTimes.unix(instant(until)))
                .build();
        List<Event> events = new ArrayList<>();
        boolean complete;
        try (DockerHttpClient.Response response = http.execute(request);
             MappingIterator<Event> read = EVENTS.readValues(response.getBody())) {
            complete = response.getStatusCode() == 200;
            while (complete && read.hasNextValue()) events.add(read.nextValue());
        } catch (IOException | RuntimeException e) {
            // Unreadable or cut short: the log counts it as a change of anything.
            complete = false;
        }
        synchronized (log) {
            log.record(events, complete, o.nanos(), epochNanos(Instant.now()));
            readUntil = Math.max(readUntil, until);
        }
        return new Look(o.error());
    }

    /** An event the witness carried, logged by its stamp as a look would log it. */
    private void streamed(Event e) {
        ClockOffset o = sameMachine ? SAME_CLOCK : offset;
        if (o == null) return; // before the first look, which counts everything before it as changed
        synchronized (log) {
            log.record(List.of(e), true, o.nanos(), epochNanos(Instant.now()));
        }
    }

    private ClockOffset offset() {
        if (sameMachine) return SAME_CLOCK;
        if (offset != null && offset.measuredAt().plus(REMEASURE).isAfter(Instant.now())) return offset;
        long before = epochNanos(Instant.now());
        String systemTime = client.infoCmd().exec().getSystemTime();
        long after = epochNanos(Instant.now());
        long engine = epochNanos(Instant.parse(systemTime));
        offset = new ClockOffset(engine - (before + after) / 2, (after - before) / 2 + 1, Instant.now());
        return offset;
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    private static long epochNanos(Instant t) {
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }
}
