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
import dev.berth.ecs.store.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two {@code berth server} processes on one SQLite control plane file keep each service by one
 * of them at a time, as on PostgreSQL: when a task of the service dies, exactly one server
 * replaces it, and exactly one replacement starts. Always a file, in either pass: what is tested
 * is the file's own leases.
 */
class ServersShareOneFileIT {
    @TempDir
    Path dir;
    private final List<ServerProcess> servers = new ArrayList<>();
    private DockerRuntime docker;
    private String cluster;

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        cluster = "file2-" + UUID.randomUUID().toString().substring(0, 8);
        String file = dir.resolve("ecs.db").toString();
        String shown = StoreLocation.where(Optional.of(file), Path.of("/"), Map.of()).shown();
        Map<String, String> env = Map.of("BERTH_SERVICE_LEASE", "3");
        servers.add(ServerProcess.start(file, shown, env));
        servers.add(ServerProcess.start(file, shown, env));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            try {
                EcsHttpClient.connect(servers.get(0).endpoint()).deleteService(new DeleteServiceRequest(cluster, "web", true));
            } catch (RuntimeException e) {
                // No service was made; its containers go below either way.
            }
            for (ServerProcess s : servers) s.close();
        } finally {
            DockerEngine.cleanUp(docker, cluster);
            docker.close();
        }
    }

    @Test
    void aDeadTaskIsReplacedOnceByOneServer() throws Exception {
        EcsApi a = EcsHttpClient.connect(servers.get(0).endpoint());
        a.createCluster(new CreateClusterRequest(cluster, null, null));
        a.registerTaskDefinition(new RegisterTaskDefinitionRequest(cluster + "-web", null, null, "awsvpc",
                List.of(Map.of("name", "web", "image", "berth-example/busybox:latest", "essential", true, "memory", 32,
                        "entryPoint", List.of("/bin/sh", "-c"), "command", List.of("exec sleep 600"))), null,
                List.of("FARGATE"), "256", "512", null, null, null, null, null, null, null, null, null, null));
        a.createService(new CreateServiceRequest(cluster, "web", cluster + "-web", 1, null, "FARGATE", null, null, null,
                null, null));
        awaitRunning(a, 1);

        int[] seenBefore = {servers.get(0).output().length(), servers.get(1).output().length()};
        ContainerInfo victim = DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running)
                .filter(c -> "web".equals(c.labels().get(EcsLabels.CONTAINER_NAME))).findFirst().orElseThrow();
        DockerEngine.kill(victim.id());

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(tasks(a, "RUNNING").size() == 1 && tasks(a, "STOPPED").size() >= 1) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // Long enough for a second server to act on the same death, were it to.
        Thread.sleep(4000);
        String both = servers.get(0).output() + "\n----\n" + servers.get(1).output();
        assertEquals(1, tasks(a, "RUNNING").size(), both);
        assertEquals(1, tasks(a, "STOPPED").size(), "only the dead task stopped: one replacement started\n" + both);
        int acted = 0;
        for (int i = 0; i < 2; i++) {
            if (servers.get(i).output().substring(seenBefore[i]).contains("service web: ")) acted++;
        }
        assertEquals(1, acted, "servers that repaired the service\n" + both);
        for (ServerProcess s : servers) s.await(l -> l.contains("keeping services by lease as "), Duration.ofSeconds(1));
    }

    private void awaitRunning(EcsApi api, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Service web = api.describeServices(new DescribeServicesRequest(cluster, List.of("web"), null)).services().get(0);
        while (!Integer.valueOf(n).equals(web.runningCount()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            web = api.describeServices(new DescribeServicesRequest(cluster, List.of("web"), null)).services().get(0);
        }
        assertEquals(n, (int) web.runningCount(), web::toString);
    }

    private List<String> tasks(EcsApi api, String status) {
        return api.listTasks(new ListTasksRequest(cluster, null, null, null, null, null, "web", status, null)).taskArns();
    }
}
