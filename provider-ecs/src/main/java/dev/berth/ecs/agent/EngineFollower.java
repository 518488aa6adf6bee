package dev.berth.ecs.agent;

import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerEvent;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.EventSink;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows one engine's event stream of berth's task containers on its own thread. When the
 * stream ends it checks whether the engine still answers: if so it reconnects at once (the
 * transport ends a quiet stream after its response timeout), from the last event's second so
 * nothing is missed (replays are harmless: a STOPPED task stays STOPPED); if not, it reports the
 * engine down and retries with backoff (1 s doubling to 10 s), reporting it up on return.
 */
final class EngineFollower {
    /** What the agent hears from a follower. */
    interface Listener {
        void event(ContainerRuntime engine, ContainerEvent event);

        void engineDown(ContainerRuntime engine, String why);

        void engineUp(ContainerRuntime engine);
    }

    private final ContainerRuntime engine;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile AutoCloseable stream;
    private volatile CountDownLatch ended;
    private volatile long lastEventSecond;

    EngineFollower(ContainerRuntime engine, Listener listener) {
        this.engine = engine;
        this.listener = listener;
        this.thread = new Thread(this::run, "agent-events-" + engine.endpoint());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String endpoint() {
        return engine.endpoint();
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        boolean down = false;
        Instant since = Instant.now();
        while (running) {
            try {
                engine.ping();
                if (lastEventSecond > 0) since = Instant.ofEpochSecond(lastEventSecond);
                CountDownLatch done = new CountDownLatch(1);
                ended = done;
                // Every task's containers: RunTask's restart policies and essential exits are the agent's too.
                stream = engine.followEvents(List.of(EcsLabels.TASK_ARN), since, new EventSink() {
                    @Override
                    public void event(ContainerEvent e) {
                        lastEventSecond = TimeUnit.NANOSECONDS.toSeconds(e.timeNanos());
                        listener.event(engine, e);
                    }

                    @Override
                    public void ended(Throwable cause) {
                        done.countDown();
                    }
                });
                if (down) {
                    down = false;
                    listener.engineUp(engine);
                }
                backoff.succeeded();
                done.await();
                close(stream);
                since = Instant.now().minusSeconds(1);
            } catch (RuntimeFailure f) {
                if (!down) {
                    down = true;
                    listener.engineDown(engine, f.getMessage());
                }
                sleep(backoff.failed());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /** Stops following and waits (briefly) for the thread to end. */
    void stop() {
        running = false;
        close(stream);
        CountDownLatch e = ended;
        if (e != null) e.countDown();
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            // Dropping the connection is all closing does.
        }
    }
}
