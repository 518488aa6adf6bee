package dev.berth.cli.it;

import dev.berth.cli.TestStores;
import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.InstanceCalls.DescribeContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.RegisterContainerInstanceRequest;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.http.EcsHttpClient;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code berth server} is killed (SIGKILL, nothing finished) while it places the tasks of a new
 * service that fills its one container instance to the last CPU unit. A new server on the same
 * control plane takes the service over once the dead server's lease runs out and converges it:
 * exactly the tasks asked for run, each once, every running container is a RUNNING task's, and
 * the instance is booked to its capacity and not beyond.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerKilledWhilePlacingIT {
    private static final int TASKS = 8;
    private static final int TASK_CPU = 128;

    @TempDir
    Path dir;

    private DockerRuntime docker;
    private String cluster;
    private ServerProcess killed;
    private ServerProcess next;

    @BeforeEach
    void setUp() {
        docker = DockerEngine.require();
        cluster = "placing-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (next != null) {
                try {
                    EcsHttpClient.connect(next.endpoint()).deleteService(new DeleteServiceRequest(cluster, "app", true));
                } catch (RuntimeException e) {
                    // Never made; the containers go below either way.
                }
                next.close();
            }
        } finally {
            try {
                if (killed != null) killed.discard();
            } finally {
                DockerEngine.cleanUp(docker, cluster);
                for (ContainerInfo c : DockerEngine.containersOf(docker, cluster)) DockerEngine.cli("rm", "-f", c.id());
                docker.removeNetwork("berth-" + cluster);
                docker.close();
            }
        }
    }

    private ServerProcess server() throws Exception {
        Path store = dir.resolve("ecs.db");
        return ServerProcess.start(TestStores.ecsStoreFor(store), TestStores.shownFor(store),
                Map.of("BERTH_SERVICE_LEASE", "3"));
    }

    @Test
    void aServerKilledWhilePlacingLosesNoTaskAndTheNextServerConvergesTheService() throws Exception {
        killed = server();
        EcsApi a = EcsHttpClient.connect(killed.endpoint());
        a.createCluster(new CreateClusterRequest(cluster, null, null));
        String instance = a.registerContainerInstance(new RegisterContainerInstanceRequest(cluster,
                List.of(Resource.integer("CPU", TASKS * TASK_CPU), Resource.integer("MEMORY", 2048)), null, null, null,
                null, null, null)).containerInstance().containerInstanceArn();
        a.registerTaskDefinition(new RegisterTaskDefinitionRequest(cluster + "-app", null, null, "bridge",
                List.of(Map.of("name", "init", "image", "berth-example/busybox:latest", "essential", false, "memory", 16,
                                "entryPoint", List.of("/bin/sh", "-c"), "command", List.of("sleep 1")),
                        Map.of("name", "app", "image", "berth-example/busybox:latest", "cpu", TASK_CPU, "memory", 32,
                                "entryPoint", List.of("/bin/sh", "-c"),
                                "command", List.of("trap 'exit 0' TERM; while :; do sleep 1 & wait $!; done"),
                                "dependsOn", List.of(Map.of("containerName", "init", "condition", "COMPLETE")))),
                null, List.of("EC2"), null, null, null, null, null, null, null, null, null, null, null, null));
        a.createService(new CreateServiceRequest(cluster, "app", cluster + "-app", TASKS, null, "EC2", null, null, null,
                null, null));

        // Killed while the first tasks' containers are being made, before the service has settled.
        awaitFirstContainer();
        killed.crash();
        int madeBeforeKill = DockerEngine.containersOf(docker, cluster).size();

        next = server();
        EcsApi b = EcsHttpClient.connect(next.endpoint());
        Service app = awaitSteady(b);
        assertEquals(TASKS, (int) app.runningCount(), app::toString);

        Set<String> recorded = new TreeSet<>(b.listTasks(new ListTasksRequest(cluster, null, null, null, null, null, "app",
                "RUNNING", null)).taskArns());
        Set<String> running = new TreeSet<>();
        for (ContainerInfo c : DockerEngine.containersOf(docker, cluster)) {
            if (c.running()) running.add(c.labels().get("dev.berth.task-arn"));
        }
        assertEquals(TASKS, recorded.size(), recorded::toString);
        assertEquals(recorded, running, "every running container is a RUNNING task's, and each task runs once");

        ContainerInstance ci = b.describeContainerInstances(new DescribeContainerInstancesRequest(cluster,
                List.of(instance), null)).containerInstances().get(0);
        assertEquals(TASKS, (int) ci.runningTasksCount(), ci::toString);
        int remainingCpu = ci.remainingResources().stream().filter(r -> "CPU".equals(r.name())).findFirst()
                .orElseThrow().integerValue();
        assertEquals(0, remainingCpu, "booked to capacity, not beyond: " + ci);
        System.out.println("server killed with " + madeBeforeKill + " containers made; the next server converged");
    }

    private void awaitFirstContainer() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (DockerEngine.containersOf(docker, cluster).isEmpty()) {
            if (System.nanoTime() > deadline) throw new AssertionError("no container appeared:\n" + killed.output());
            Thread.sleep(50);
        }
    }

    /** The service once its deployment is COMPLETED with every task running, within a minute. */
    private Service awaitSteady(EcsApi api) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Service s = describe(api);
        while (System.nanoTime() < deadline) {
            boolean completed = s.deployments() != null && !s.deployments().isEmpty()
                    && "COMPLETED".equals(s.deployments().get(0).rolloutState());
            if (completed && Integer.valueOf(TASKS).equals(s.runningCount())) return s;
            Thread.sleep(300);
            s = describe(api);
        }
        StringBuilder seen = new StringBuilder();
        for (ContainerInfo c : DockerEngine.containersOf(docker, cluster)) {
            seen.append(c.name()).append(' ').append(c.running() ? "running" : "stopped").append('\n');
        }
        throw new AssertionError("the service did not converge: " + s + "\ntasks desired RUNNING: "
                + api.listTasks(new ListTasksRequest(cluster, null, null, null, null, null, "app", "RUNNING", null))
                .taskArns() + "\ncontainers:\n" + seen + "killed server:\n" + killed.output() + "\nnext server:\n"
                + next.output());
    }

    private Service describe(EcsApi api) {
        return api.describeServices(new DescribeServicesRequest(cluster, List.of("app"), null)).services().get(0);
    }
}
