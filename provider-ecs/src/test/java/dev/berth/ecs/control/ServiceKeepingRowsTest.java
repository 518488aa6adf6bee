package dev.berth.ecs.control;

import dev.berth.ecs.agent.ServiceSignals;
import dev.berth.ecs.api.ClusterCalls.DeleteClusterRequest;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.store.Leases;
import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.PostgresEcsStore;
import dev.berth.ecs.store.ServiceKeeping;
import dev.berth.ecs.store.SqliteEcsStore;
import dev.berth.ecs.store.TestPg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service's signal row and lease go with the service, and those of a cluster's services with
 * the cluster (rows an older berth left behind), on both stores; another cluster's stay.
 */
class ServiceKeepingRowsTest {
    private static final Duration TTL = Duration.ofMinutes(1);
    private final TestPg pg = new TestPg();
    @TempDir
    Path dir;
    private OpenEcsStore store;

    @AfterEach
    void close() throws Exception {
        try {
            if (store != null) store.close();
        } finally {
            pg.close();
        }
    }

    private Map<String, String> holders() {
        return store instanceof SqliteEcsStore f ? f.leaseHolders() : ((PostgresEcsStore) store).leaseHolders();
    }

    private Set<String> signalled() {
        return store.list(ServiceKeeping.SIGNALS).keySet();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDeletedServiceLeavesNoSignalNorLease(boolean sqlite) {
        store = sqlite ? SqliteEcsStore.open(dir.resolve("ecs.db")) : PostgresEcsStore.open(pg.pgUrl());
        Fixture world = new Fixture(store, new FakeRuntime());
        world.register("web", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"web\",\"image\":\"busybox\",\"command\":[\"sleep\",\"300\"]}]");
        String arn = world.plane.createService(new CreateServiceRequest(world.clusterName, "web", "web", 1, null,
                "FARGATE", null, null, null, null, null)).service().serviceArn();
        new ServiceSignals(store).raise(arn);
        ((Leases) store).claim(arn, "server-1", TTL);
        assertEquals(Set.of(arn), holders().keySet());

        world.plane.deleteService(new DeleteServiceRequest(world.clusterName, "web", true));
        assertEquals(Set.of(), holders().keySet(), "the lease went with the service");
        assertEquals(Set.of("latest"), signalled(), "the signal went with the service");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDeletedClusterTakesItsServicesSignalsAndLeasesWithIt(boolean sqlite) {
        store = sqlite ? SqliteEcsStore.open(dir.resolve("ecs.db")) : PostgresEcsStore.open(pg.pgUrl());
        Fixture world = new Fixture(store, new FakeRuntime());
        Fixture other = new Fixture(store, new FakeRuntime());
        String left = EcsArn.service(world.clusterName, "old");
        String kept = EcsArn.service(other.clusterName, "old");
        // A name that shares the cluster's name as a prefix belongs to another cluster.
        String lookalike = EcsArn.service(world.clusterName + "x", "old");
        for (String arn : List.of(left, kept, lookalike)) {
            new ServiceSignals(store).raise(arn);
            ((Leases) store).claim(arn, "server-1", TTL);
        }
        world.plane.deleteCluster(new DeleteClusterRequest(world.clusterName));
        assertEquals(Set.of(kept, lookalike), holders().keySet());
        assertEquals(Set.of("latest", kept, lookalike), signalled());
    }
}
