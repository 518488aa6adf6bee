package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.atomic.Atomicity;
import dev.berth.ecs.atomic.UnitOfWorkStore;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.instance.ContainerInstanceResource;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.PostgresEcsStore;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.TestPg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.SqliteEcsStore;
import java.nio.file.Path;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two servers on one PostgreSQL control plane (or one SQLite file) (each its own store connection, unit of work and
 * in-process lock, as two {@code berth server} processes have) run tasks into one cluster at the
 * same time: the placement lock in the database keeps them from both taking the last free room
 * or one static host port. Container starts are slowed so that, without the lock, both servers'
 * decisions would read the cluster before either booked.
 */
class PlacementAcrossServersTest {
    private final TestPg pg = new TestPg();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
        open.clear();
        pg.close();
    }

    @TempDir
    Path dir;
    /** Which store the servers share: PostgreSQL, or one SQLite file (processes on one machine). */
    private boolean sqlite;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void twoServersNeverFillOneInstanceBeyondItsMemory(boolean sqliteFile) throws Exception {
        sqlite = sqliteFile;
        // 1024 MiB of memory, 256 per task: room for four, whichever server places.
        assertEquals(4, race(Map.of("name", "w", "image", "busybox", "memory", 256), 4096));
        assertEquals(4, runningRows());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void twoServersNeverTakeOneStaticHostPortTwice(boolean sqliteFile) throws Exception {
        sqlite = sqliteFile;
        assertEquals(1, race(Map.of("name", "w", "image", "busybox", "memory", 16,
                "portMappings", List.of(Map.of("containerPort", 80, "hostPort", 8080))), 4096));
        assertEquals(1, runningRows());
    }

    /** Each of two servers asks for four tasks, one RunTask at a time; returns how many started. */
    private int race(Map<String, Object> container, int instanceMemory) throws Exception {
        Fixture world = new Fixture(store(), slow(new FakeRuntime()));
        String arn = ContainerInstanceResource.arn(world.clusterName, "i-1");
        new Table<>(world.store, InstanceRow.TABLE, InstanceRow.class).put(arn, new InstanceRow(arn, "i-1",
                world.clusterArn, null, "unix:///var/run/docker.sock", 4096, instanceMemory / 4,
                Map.of("ecs.availability-zone", "zone-a"), InstanceRow.ACTIVE, true));
        world.plane.registerTaskDefinition(new RegisterTaskDefinitionRequest("w", null, null, "bridge",
                List.of(container), null, List.of("EC2"), null, null, null, null, null, null, null, null, null, null,
                null, null));
        List<EcsApi> servers = List.of(server(), server());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> started = new ArrayList<>();
            for (EcsApi api : servers) {
                started.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = 0; i < 4; i++) {
                        n += api.runTask(new RunTaskRequest(world.clusterName, "w", 1, "EC2", null, null, null, null,
                                null, null, null)).tasks().size();
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : started) total += f.get(60, TimeUnit.SECONDS);
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private int runningRows() {
        EcsStore s = store();
        long running = new Table<>(s, TaskRow.TABLE, TaskRow.class).all().stream().filter(TaskRow::running).count();
        assertEquals(running, new Table<>(s, PlacementRow.TABLE, PlacementRow.class).all().size());
        return (int) running;
    }

    /** A server: its own connection, its own unit of work and lock, as another process has. */
    private EcsApi server() {
        UnitOfWorkStore uow = new UnitOfWorkStore(store());
        ContainerRuntime engine = slow(new FakeRuntime());
        return new Atomicity(uow).guard(new ControlPlane(uow, host -> engine));
    }

    private OpenEcsStore store() {
        OpenEcsStore s = sqlite ? SqliteEcsStore.open(dir.resolve("ecs.db")) : PostgresEcsStore.open(pg.pgUrl());
        open.add(0, s);
        return s;
    }

    /** An engine whose container starts take 50 ms, as a real engine's take longer still. */
    private static ContainerRuntime slow(FakeRuntime engine) {
        return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
                new Class<?>[]{ContainerRuntime.class}, (proxy, method, args) -> {
                    if (method.getName().equals("startTask")) Thread.sleep(50);
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
