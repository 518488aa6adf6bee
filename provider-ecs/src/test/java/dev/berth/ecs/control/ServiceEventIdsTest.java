package dev.berth.ecs.control;

import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.ServiceEvent;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.service.EventLog;
import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.PostgresEcsStore;
import dev.berth.ecs.store.SqliteEcsStore;
import dev.berth.ecs.store.TestPg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every service event has an id of its own, even the same sentence twice within one second (a
 * task that keeps failing to place), and events two processes add at once are all kept.
 */
class ServiceEventIdsTest {
    private final TestPg pg = new TestPg();
    private final List<OpenEcsStore> open = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        try {
            for (OpenEcsStore s : open) s.close();
        } finally {
            pg.close();
        }
    }

    private OpenEcsStore store(boolean sqlite) {
        OpenEcsStore s = sqlite ? SqliteEcsStore.open(dir.resolve("ecs.db")) : PostgresEcsStore.open(pg.pgUrl());
        open.add(0, s);
        return s;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theSameSentenceTwiceInOneSecondHasTwoIdsAndNoEventIsLost(boolean sqlite) throws Exception {
        OpenEcsStore store = store(sqlite);
        Fixture world = new Fixture(store, new FakeRuntime());
        world.register("web", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"web\",\"image\":\"busybox\",\"command\":[\"sleep\",\"300\"]}]");
        String arn = world.plane.createService(new CreateServiceRequest(world.clusterName, "web", "web", 1, null,
                "FARGATE", null, null, null, null, null)).service().serviceArn();
        int before = events(world).size();

        // Two "processes", each with its own connection, add the same sentence at once.
        List<Thread> adders = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            EventLog log = new EventLog(store(sqlite));
            adders.add(new Thread(() -> {
                for (int i = 0; i < 15; i++) log.add(arn, "service web was unable to place a task.");
            }));
        }
        adders.forEach(Thread::start);
        for (Thread t : adders) t.join(60_000);

        List<ServiceEvent> events = events(world);
        assertEquals(before + 30, events.size(), "every event kept");
        Set<String> ids = new HashSet<>();
        for (ServiceEvent e : events) ids.add(e.id());
        assertEquals(events.size(), ids.size(), "one id per event");
    }

    private static List<ServiceEvent> events(Fixture f) {
        return f.plane.describeServices(new DescribeServicesRequest(f.clusterName, List.of("web"), null)).services()
                .get(0).events();
    }
}
