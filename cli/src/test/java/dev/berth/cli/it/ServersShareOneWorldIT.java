package dev.berth.cli.it;

import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.http.EcsHttpClient;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import dev.berth.ecs.store.PgUrl;
import dev.berth.ecs.store.PostgresEcsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code berth server} processes on one PostgreSQL control plane serve one world: a service
 * created through one is seen through the other, is kept by whichever holds its lease, and when
 * that server is killed (SIGKILL, nothing finished) the other takes the service over within the
 * lease time and replaces a task that dies afterwards. Its own schema on the tests' PostgreSQL
 * server, dropped afterwards.
 */
class ServersShareOneWorldIT {
    private static final double LEASE_SECONDS = 3;

    private final String schema = "it_servers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String url = base() + "?schema=" + schema;
    private final List<ServerProcess> servers = new ArrayList<>();
    private ServerProcess crashed;
    private DockerRuntime docker;
    private String cluster;

    private static String base() {
        String env = System.getenv("BERTH_TEST_PG");
        return env == null || env.isBlank() ? "postgres://berth@127.0.0.1:55432/berth" : env;
    }

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        cluster = "two-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of("BERTH_SERVICE_LEASE", String.valueOf(LEASE_SECONDS));
        String shown = PgUrl.parse(url).shown();
        servers.add(ServerProcess.start(url, shown, env));
        servers.add(ServerProcess.start(url, shown, env));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            for (ServerProcess s : servers) {
                try {
                    EcsHttpClient.connect(s.endpoint()).deleteService(new DeleteServiceRequest(cluster, "web", true));
                } catch (RuntimeException e) {
                    // No service was made; the cluster's containers go below either way.
                }
                s.close();
            }
            if (crashed != null) crashed.discard();
        } finally {
            try {
                DockerEngine.cleanUp(docker, cluster);
                docker.close();
            } finally {
                PgUrl u = PgUrl.parse(url);
                try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.properties());
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                }
            }
        }
    }

    @Test
    void aServiceIsKeptByOneServerAndTakenOverWhenThatServerIsKilled() throws Exception {
        EcsApi a = EcsHttpClient.connect(servers.get(0).endpoint());
        a.createCluster(new CreateClusterRequest(cluster, null, null));
        a.registerTaskDefinition(new RegisterTaskDefinitionRequest(cluster + "-web", null, null, "awsvpc",
                List.of(Map.of("name", "web", "image", "berth-example/busybox:latest", "essential", true, "memory", 32,
                        "entryPoint", List.of("/bin/sh", "-c"), "command", List.of("exec sleep 600"))), null,
                List.of("FARGATE"), "256", "512", null, null, null, null, null, null, null, null, null, null));
        a.createService(new CreateServiceRequest(cluster, "web", cluster + "-web", 2, null, "FARGATE", null, null, null,
                null, null));
        awaitRunning(a, 2);

        // The other server sees the same world.
        EcsApi b = EcsHttpClient.connect(servers.get(1).endpoint());
        Service seen = web(b);
        assertEquals(2, (int) seen.runningCount());

        // Whoever holds the service's lease is killed; the other one must take the service over.
        String holder = holders().get(seen.serviceArn());
        int k = holder.equals(owner(servers.get(0))) ? 0 : 1;
        assertEquals(holder, owner(servers.get(k)), "one of the two servers holds the lease");
        crashed = servers.remove(k);
        crashed.crash();
        ServerProcess survivor = servers.get(0);
        EcsApi s = EcsHttpClient.connect(survivor.endpoint());
        long killedAt = System.nanoTime();
        Set<String> before = new HashSet<>(taskArns(s));
        ContainerInfo victim = DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running)
                .filter(c -> "web".equals(c.labels().get(EcsLabels.CONTAINER_NAME))).findFirst().orElseThrow();
        DockerEngine.kill(victim.id());

        survivor.await(l -> l.contains("service web: taken over from a server"), Duration.ofSeconds(30));
        double tookS = (System.nanoTime() - killedAt) / 1e9;
        assertTrue(tookS < LEASE_SECONDS + 5, "taken over after " + tookS + " s");
        assertEquals(owner(survivor), holders().get(seen.serviceArn()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> now = taskArns(s);
        while (!(now.size() == 2 && !before.containsAll(now)) && System.nanoTime() < deadline) {
            Thread.sleep(300);
            now = taskArns(s);
        }
        assertEquals(2, now.size(), survivor::output);
        assertNotEquals(before, new HashSet<>(now), "the dead task was replaced:\n" + survivor.output());
        System.out.println("service taken over " + String.format("%.1f", tookS) + " s after the holder was killed");
    }

    private void awaitRunning(EcsApi api, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Service web = web(api);
        while (!Integer.valueOf(n).equals(web.runningCount()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            web = web(api);
        }
        assertEquals(n, (int) web.runningCount(), web::toString);
    }

    private Map<String, String> holders() {
        try (PostgresEcsStore store = PostgresEcsStore.open(PgUrl.parse(url))) {
            return store.leaseHolders();
        }
    }

    private static String owner(ServerProcess s) throws Exception {
        String line = s.await(l -> l.contains("keeping services by lease as "), Duration.ofSeconds(10));
        String rest = line.substring(line.indexOf("keeping services by lease as ") + "keeping services by lease as ".length());
        return rest.substring(0, rest.indexOf(' '));
    }

    private List<String> taskArns(EcsApi api) {
        return api.listTasks(new ListTasksRequest(cluster, null, null, null, null, null, "web", "RUNNING", null)).taskArns();
    }

    private Service web(EcsApi api) {
        return api.describeServices(new DescribeServicesRequest(cluster, List.of("web"), null)).services().get(0);
    }
}
