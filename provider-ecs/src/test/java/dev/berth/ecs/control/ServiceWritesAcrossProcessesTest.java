package dev.berth.ecs.control;

import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.PostgresEcsStore;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.ServiceSettings;
import dev.berth.ecs.store.SqliteEcsStore;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TestPg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lost update ServerDriftIT met once in CI: a {@code berth server}'s service loop rolls a
 * service out from what it read, and an apply in another process changes the service's desired
 * count meanwhile. Whatever the server then writes, the apply's change must stand: the services
 * row, the settings and DescribeServices say 2, and the next rollout runs 2 tasks. The
 * interleaving is made, not hoped for: the server's rollout is held at its first write until
 * the apply has finished. On PostgreSQL and on one SQLite file, each "process" with its own
 * store connection.
 */
class ServiceWritesAcrossProcessesTest {
    private final TestPg pg = new TestPg();
    private final List<AutoCloseable> open = new ArrayList<>();
    @TempDir
    Path dir;
    private boolean sqlite;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
        pg.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anApplyDuringTheServersRolloutIsNotUndone(boolean sqliteFile) throws Exception {
        sqlite = sqliteFile;
        FakeRuntime engine = new FakeRuntime();
        HeldAtFirstWrite serverStore = new HeldAtFirstWrite(store());
        Rollouts behind = Rollouts.behindTheCall();
        Fixture server = new Fixture(serverStore, engine, behind);
        server.register("web", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"web\",\"image\":\"busybox\",\"command\":[\"sleep\",\"300\"]}]");
        ControlPlane apply = new ControlPlane(store(), host -> engine);

        String arn = server.plane.createService(new CreateServiceRequest(server.clusterName, "web", "web", 2, null,
                "FARGATE", null, null, null, null, null)).service().serviceArn();
        server.plane.rollOut(arn);
        server.plane.updateService(new UpdateServiceRequest(server.clusterName, "web", 3, null, null, null, null, null));
        server.plane.rollOut(arn);
        assertEquals(3, running(engine));

        // The server's loop looks at the service again (a resync, a task's event) and is held
        // at its first write, having read the service; the apply scales it back to 2 meanwhile.
        Thread loop = serverStore.holdNextWriteOf(() -> server.plane.rollOut(arn));
        assertTrue(serverStore.held.await(30, TimeUnit.SECONDS), "the server's rollout reached a write");
        apply.updateService(new UpdateServiceRequest(server.clusterName, "web", 2, null, null, null, null, null));
        assertEquals(2, running(engine));
        serverStore.release.countDown();
        loop.join(30_000);

        EcsStore look = store();
        assertEquals(2, new Table<>(look, ServiceRow.TABLE, ServiceRow.class).get(arn).orElseThrow().desiredCount(),
                "the services row");
        assertEquals(2, new Table<>(look, ServiceSettings.TABLE, ServiceSettings.class).get(arn).orElseThrow().desired(),
                "the service's settings");
        assertEquals(2, describe(server).desiredCount(), "DescribeServices through the server");
        server.plane.rollOut(arn);
        assertEquals(2, running(engine), "the server's next rollout keeps the apply's count");
        assertEquals(2, describe(server).desiredCount());
    }

    private static Service describe(Fixture f) {
        return f.plane.describeServices(new DescribeServicesRequest(f.clusterName, List.of("web"), null)).services()
                .get(0);
    }

    private static long running(FakeRuntime engine) {
        return engine.listContainers(Map.of()).stream().filter(ContainerInfo::running).count();
    }

    private OpenEcsStore store() {
        OpenEcsStore s = sqlite ? SqliteEcsStore.open(dir.resolve("ecs.db")) : PostgresEcsStore.open(pg.pgUrl());
        open.add(0, s);
        return s;
    }

    /**
     * A process's store whose next write on one thread waits, once, until the test lets it go:
     * the point where a rollout has read the service and is about to act on what it read.
     */
    private static final class HeldAtFirstWrite implements EcsStore {
        private final EcsStore store;
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile Thread holding;

        HeldAtFirstWrite(EcsStore store) {
            this.store = store;
        }

        Thread holdNextWriteOf(Runnable work) {
            Thread t = new Thread(work, "server-rollout");
            holding = t;
            t.start();
            return t;
        }

        private void maybeHold() {
            if (Thread.currentThread() != holding) return;
            holding = null;
            held.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Optional<String> get(String table, String key) {
            return store.get(table, key);
        }

        @Override
        public Map<String, String> getAll(String table, Collection<String> keys) {
            return store.getAll(table, keys);
        }

        @Override
        public void put(String table, String key, String json) {
            maybeHold();
            store.put(table, key, json);
        }

        @Override
        public void delete(String table, String key) {
            maybeHold();
            store.delete(table, key);
        }

        @Override
        public void writeAll(List<Write> writes) {
            maybeHold();
            store.writeAll(writes);
        }

        @Override
        public Optional<String> update(String table, String key, UnaryOperator<String> change) {
            maybeHold();
            return store.update(table, key, change);
        }

        @Override
        public Map<String, String> list(String table) {
            return store.list(table);
        }

        @Override
        public long next(String counter) {
            return store.next(counter);
        }

        @Override
        public Held holdPlacement() {
            return store.holdPlacement();
        }
    }
}
