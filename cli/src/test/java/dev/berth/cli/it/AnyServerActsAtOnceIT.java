package dev.berth.cli.it;

import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.http.EcsHttpClient;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import dev.berth.ecs.store.PgUrl;
import dev.berth.ecs.store.PostgresEcsStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code berth server}s on one PostgreSQL control plane, the default lease time: a call
 * for a service sent to the server that does not keep it (does not hold its lease) is rolled
 * out by the one that does within a couple of seconds, not at its next resync (every 30 s).
 * Both servers serve the class; its own schema, dropped afterwards.
 */
class AnyServerActsAtOnceIT {
    /** Well under the 30 s resync, well over a signal's poll (250 ms) and a task's start. */
    private static final double PROMPT_SECONDS = 4;

    private static final String SCHEMA = "it_prompt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String URL = base() + "?schema=" + SCHEMA;
    private static final String CLUSTER = "prompt-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<ServerProcess> SERVERS = new ArrayList<>();
    private static DockerRuntime docker;

    private static String base() {
        String env = System.getenv("BERTH_TEST_PG");
        return env == null || env.isBlank() ? "postgres://berth@127.0.0.1:55432/berth" : env;
    }

    @BeforeAll
    static void startServers() throws Exception {
        docker = DockerEngine.require();
        String shown = PgUrl.parse(URL).shown();
        SERVERS.add(ServerProcess.start(URL, shown, Map.of()));
        SERVERS.add(ServerProcess.start(URL, shown, Map.of()));
    }

    @AfterAll
    static void stopServers() throws Exception {
        try {
            for (ServerProcess s : SERVERS) {
                try {
                    EcsHttpClient.connect(s.endpoint()).deleteService(new DeleteServiceRequest(CLUSTER, "web", true));
                } catch (RuntimeException e) {
                    // Gone already, or never made; the cluster's containers go below either way.
                }
            }
            for (ServerProcess s : SERVERS) s.close();
        } finally {
            try {
                if (docker != null) {
                    DockerEngine.cleanUp(docker, CLUSTER);
                    docker.close();
                }
            } finally {
                PgUrl u = PgUrl.parse(URL);
                try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.properties());
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
                }
            }
        }
    }

    @Test
    void aCallToTheServerThatDoesNotKeepTheServiceIsRolledOutAtOnce() throws Exception {
        EcsApi a = EcsHttpClient.connect(SERVERS.get(0).endpoint());
        a.createCluster(new CreateClusterRequest(CLUSTER, null, null));
        a.registerTaskDefinition(new RegisterTaskDefinitionRequest(CLUSTER + "-web", null, null, "awsvpc",
                List.of(Map.of("name", "web", "image", "berth-example/busybox:latest", "essential", true, "memory", 32,
                        "entryPoint", List.of("/bin/sh", "-c"), "command", List.of("exec sleep 600"))), null,
                List.of("FARGATE"), "256", "512", null, null, null, null, null, null, null, null, null, null));
        a.createService(new CreateServiceRequest(CLUSTER, "web", CLUSTER + "-web", 1, null, "FARGATE", null, null, null,
                null, null));
        awaitRunning(a, 1, 60);

        String arn = web(a).serviceArn();
        String holder = holders().get(arn);
        int k = holder.equals(owner(SERVERS.get(0))) ? 0 : 1;
        assertEquals(holder, owner(SERVERS.get(k)), "one of the two servers holds the lease");
        EcsApi other = EcsHttpClient.connect(SERVERS.get(1 - k).endpoint());

        for (int count : new int[]{2, 1}) {
            long asked = System.nanoTime();
            other.updateService(new UpdateServiceRequest(CLUSTER, "web", count, null, null, null, null, null));
            double took = awaitRunning(other, count, 30);
            assertTrue(took < PROMPT_SECONDS, "desired count " + count + " reached " + String.format("%.1f", took)
                    + " s after the call; the keeper printed:\n" + SERVERS.get(k).output());
            System.out.println("desired count " + count + " through the other server: running after "
                    + String.format("%.2f", (System.nanoTime() - asked) / 1e9) + " s");
        }
        assertEquals(holder, holders().get(arn), "the keeper kept the service; the other never took it");
    }

    /** Waits until {@code n} tasks run; returns the seconds it took. */
    private static double awaitRunning(EcsApi api, int n, int seconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        Service web = web(api);
        while (!(Integer.valueOf(n).equals(web.runningCount()) && web.deployments().size() == 1
                && "COMPLETED".equals(web.deployments().get(0).rolloutState())) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            web = web(api);
        }
        assertEquals(n, (int) web.runningCount(), web::toString);
        return (System.nanoTime() - start) / 1e9;
    }

    private static Map<String, String> holders() {
        try (PostgresEcsStore store = PostgresEcsStore.open(PgUrl.parse(URL))) {
            return store.leaseHolders();
        }
    }

    private static String owner(ServerProcess s) throws Exception {
        String line = s.await(l -> l.contains("keeping services by lease as "), Duration.ofSeconds(10));
        String rest = line.substring(line.indexOf("keeping services by lease as ") + "keeping services by lease as ".length());
        return rest.substring(0, rest.indexOf(' '));
    }

    private static Service web(EcsApi api) {
        return api.describeServices(new DescribeServicesRequest(CLUSTER, List.of("web"), null)).services().get(0);
    }
}
