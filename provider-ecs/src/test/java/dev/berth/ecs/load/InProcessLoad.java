package dev.berth.ecs.load;

import dev.berth.ecs.atomic.Atomicity;
import dev.berth.ecs.atomic.UnitOfWorkStore;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.http.EcsHttpServer;
import dev.berth.ecs.store.SqliteEcsStore;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The same load against berth's control plane and HTTP server in this process, on an engine
 * that answers from memory (the tests' {@link FakeRuntime}): berth's own cost per call without
 * Docker's, and no shared Docker lock needed. For profiling (run it with JFR); the numbers that
 * count are bench/run-load.sh's, on the real engine.
 * Arguments: CLIENTS SECONDS TASKS RUNNING RATE WARMUP (defaults 50 20 10000 100 4 0; WARMUP
 * seconds of load run first, their latencies not counted).
 */
public final class InProcessLoad {
    private InProcessLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 10000;
        int running = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 4;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Path dir = Files.createTempDirectory("berth-load");
        FakeRuntime engine = new FakeRuntime();
        try (SqliteEcsStore file = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            file.keepWholeTables(); // as berth server does
            UnitOfWorkStore store = new UnitOfWorkStore(file);
            Atomicity atomicity = new Atomicity(store);
            ControlPlane plane = new ControlPlane(store, host -> engine);
            try (EcsHttpServer server = EcsHttpServer.start(new InetSocketAddress("127.0.0.1", 0), atomicity.guard(plane),
                    line -> System.err.println(line))) {
                EcsWire wire = new EcsWire(server.endpoint());
                LoadWorld world = LoadWorld.create(wire, "inproc", 4, 512, 1536, 4, running);
                world.seedStopped(file, tasks - running - 4);
                LoadRun.Result r = new LoadRun(wire, world,
                        new LoadRun.Settings(clients, Duration.ofSeconds(seconds), rate, 5, 42,
                        Duration.ofSeconds(warmup))).run();
                System.out.print(r.report());
            }
        }
    }
}
