package dev.berth.cli.it;

import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.http.EcsHttpClient;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code berth server}s on one control plane, the default lease time, both serving the
 * class: an UpdateService sent to the server that does not keep the service is acted on
 * within a few seconds, not at the keeper's next resync (every 30 s). The store and who keeps
 * the service are the subclass's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnyServerActsAtOnce {
    /** From the call to the keeper acting on it: well under the 30 s resync, well over a signal's poll (250 ms). */
    private static final double PROMPT_SECONDS = 5;

    final String cluster = "prompt-" + UUID.randomUUID().toString().substring(0, 8);
    final List<ServerProcess> servers = new ArrayList<>();
    private DockerRuntime docker;

    /** The control plane both servers serve (a file or URL), and how berth prints it. */
    abstract String store();

    abstract String shown();

    /** The index of the server that keeps {@code serviceArn}. */
    abstract int keeper(String serviceArn) throws Exception;

    /** Removes the store, after the servers stopped. */
    abstract void dropStore() throws Exception;

    @BeforeAll
    void startServers() throws Exception {
        docker = DockerEngine.require();
        servers.add(ServerProcess.start(store(), shown(), Map.of()));
        servers.add(ServerProcess.start(store(), shown(), Map.of()));
    }

    @AfterAll
    void stopServers() throws Exception {
        try {
            for (ServerProcess s : servers) {
                try {
                    EcsHttpClient.connect(s.endpoint()).deleteService(new DeleteServiceRequest(cluster, "web", true));
                } catch (RuntimeException e) {
                    // Gone already, or never made; the cluster's containers go below either way.
                }
            }
            for (ServerProcess s : servers) s.close();
        } finally {
            try {
                if (docker != null) {
                    DockerEngine.cleanUp(docker, cluster);
                    docker.close();
                }
            } finally {
                dropStore();
            }
        }
    }

    @Test
    void anUpdateSentToTheServerThatDoesNotKeepTheServiceIsRolledOutAtOnce() throws Exception {
        EcsApi a = EcsHttpClient.connect(servers.get(0).endpoint());
        a.createCluster(new CreateClusterRequest(cluster, null, null));
        // A shell that ends on SIGTERM, so a scale-in waits for no stop timeout.
        a.registerTaskDefinition(new RegisterTaskDefinitionRequest(cluster + "-web", null, null, "awsvpc",
                List.of(Map.of("name", "web", "image", "berth-example/busybox:latest", "essential", true, "memory", 32,
                        "entryPoint", List.of("/bin/sh", "-c"), "command", List.of("trap 'exit 0' TERM; sleep 600 & wait"))),
                null, List.of("FARGATE"), "256", "512", null, null, null, null, null, null, null, null, null, null));
        a.createService(new CreateServiceRequest(cluster, "web", cluster + "-web", 1, null, "FARGATE", null, null, null,
                null, null));
        awaitRunning(a, 1, 60);

        int k = keeper(web(a).serviceArn());
        EcsApi other = EcsHttpClient.connect(servers.get(1 - k).endpoint());
        for (int count : new int[]{2, 1}) {
            other.updateService(new UpdateServiceRequest(cluster, "web", count, null, null, null, null, null));
            // Until the keeper has acted: the service's tasks meant to run are {@code count} (a new
            // task's row, or the removed one's desired status STOPPED), not until the engine has
            // started or stopped a container, which took over 5 s on a slow, busy engine.
            double took = awaitDesired(other, count, 60);
            assertTrue(took < PROMPT_SECONDS, "desired count " + count + " acted on " + String.format("%.1f", took)
                    + " s after the call; the keeper printed:\n" + servers.get(k).output());
            double done = awaitRunning(other, count, 60);
            System.out.println(getClass().getSimpleName() + ": desired count " + count + " through the other server: "
                    + "acted on after " + String.format("%.2f", took) + " s, rolled out " + String.format("%.2f", done) + " s later");
        }
    }

    /** Waits until the service has {@code n} tasks whose desired status is RUNNING; returns the seconds it took. */
    private double awaitDesired(EcsApi api, int n, int seconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        while (meantToRun(api) != n && System.nanoTime() < deadline) Thread.sleep(100);
        assertEquals(n, meantToRun(api), "tasks of web meant to run");
        return (System.nanoTime() - start) / 1e9;
    }

    private int meantToRun(EcsApi api) {
        return api.listTasks(new ListTasksRequest(cluster, null, null, null, null, null, "web", "RUNNING", null))
                .taskArns().size();
    }

    /** Waits until {@code n} tasks run and the rollout is done; returns the seconds it took. */
    private double awaitRunning(EcsApi api, int n, int seconds) throws Exception {
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

    private Service web(EcsApi api) {
        return api.describeServices(new DescribeServicesRequest(cluster, List.of("web"), null)).services().get(0);
    }
}
