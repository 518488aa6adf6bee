package dev.berth.ecs.control;

import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.TaskCalls.DescribeTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.resource.EcsLabels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * versionConsistency on the real engine. The service's image is a tag of the test's own; between
 * two task launches of one deployment it is moved to another image (a build of the example image
 * with one more label). enabled: the replacement runs the digest the deployment resolved when
 * it started, and only a new deployment (forceNewDeployment) picks the moved tag up; disabled:
 * the replacement runs the tag as it is at its launch. DescribeTasks shows each task's imageDigest.
 */
class VersionConsistencyIT extends RealEngineWorld {
    private static final String BASE = "berth-example/busybox:latest";
    private final String repo = "berth-it/vc-" + UUID.randomUUID().toString().substring(0, 8);
    private final String tag = repo + ":live";
    private String first;
    private String second;

    @BeforeEach
    void images() throws Exception {
        docker("tag", BASE, tag);
        first = docker("image", "inspect", "-f", "{{.Id}}", tag);
        docker(new ByteArrayInputStream(("FROM " + BASE + "\nLABEL berth-it=" + repo + "\n").getBytes()),
                "build", "-q", "-t", repo + ":next", "-");
        second = docker("image", "inspect", "-f", "{{.Id}}", repo + ":next");
        assertNotEquals(first, second);
    }

    @AfterEach
    void removeImages() throws Exception {
        // This runs before RealEngineWorld's cleanup; an image a container still uses would only be untagged.
        for (var c : engine.listContainers(Map.of(EcsLabels.CLUSTER, world.clusterArn))) engine.removeContainer(c.id());
        docker("image", "rm", "-f", tag, repo + ":next");
    }

    private Task deploy(String service, String consistency) {
        String field = consistency == null ? "" : ",\"versionConsistency\":\"" + consistency + "\"";
        world.register(service, "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"app\",\"image\":\"" + tag
                + "\",\"command\":[\"sleep\",\"300\"]" + field + "}]");
        world.plane.createService(new CreateServiceRequest(world.clusterName, service, service, 1, null, "FARGATE",
                null, null, null, null, null));
        return only(service);
    }

    private Task only(String service) {
        List<String> arns = world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, null, null, null,
                service, "RUNNING", null)).taskArns();
        assertEquals(1, arns.size(), arns::toString);
        return world.plane.describeTasks(new DescribeTasksRequest(world.clusterName, arns, null)).tasks().get(0);
    }

    /** The image id the task's app container runs, as the engine says. */
    private String running(Task t) throws Exception {
        String id = engine.listContainers(Map.of(EcsLabels.TASK_ARN, t.taskArn())).stream()
                .filter(c -> "app".equals(c.labels().get(EcsLabels.CONTAINER_NAME))).findFirst().orElseThrow().id();
        return docker("inspect", "-f", "{{.Image}}", id);
    }

    /** The tag moves to the other image, then the task's container dies and the same deployment replaces it. */
    private Task retagKillAndRepair(String service, Task t) throws Exception {
        docker("tag", repo + ":next", tag);
        String id = engine.listContainers(Map.of(EcsLabels.TASK_ARN, t.taskArn())).get(0).id();
        docker("kill", id);
        world.plane.updateService(new UpdateServiceRequest(world.clusterName, service, null, null, null, null, null,
                null));
        Task replacement = only(service);
        assertNotEquals(t.taskArn(), replacement.taskArn());
        return replacement;
    }

    @Test
    void enabledByDefaultTheDeploymentKeepsTheDigestItResolvedUntilANewDeployment() throws Exception {
        Task t = deploy("pinned", null);
        assertEquals(first, t.containers().get(0).imageDigest());
        assertEquals(tag, t.containers().get(0).image(), "the image is shown as the definition names it");
        assertEquals(first, running(t));

        Task replacement = retagKillAndRepair("pinned", t);
        assertEquals(first, replacement.containers().get(0).imageDigest(), "the deployment's digest, not the moved tag");
        assertEquals(first, running(replacement));

        world.plane.updateService(new UpdateServiceRequest(world.clusterName, "pinned", null, null, null, null, null,
                true));
        Task redeployed = only("pinned");
        assertEquals(second, redeployed.containers().get(0).imageDigest(), "a new deployment resolves the tag again");
        assertEquals(second, running(redeployed));
    }

    @Test
    void disabledEachLaunchUsesTheTagAsItIsThen() throws Exception {
        Task t = deploy("floating", "disabled");
        assertEquals(first, t.containers().get(0).imageDigest());
        Task replacement = retagKillAndRepair("floating", t);
        assertEquals(second, replacement.containers().get(0).imageDigest());
        assertEquals(second, running(replacement));
    }

    private static String docker(String... args) throws Exception {
        return docker(null, args);
    }

    private static String docker(java.io.InputStream stdin, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_BUILDKIT", "0");
        Process p = pb.start();
        if (stdin != null) {
            try (var in = stdin; var out = p.getOutputStream()) {
                in.transferTo(out);
            }
        }
        String output = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor() == 0, () -> "docker " + String.join(" ", args) + ": " + output);
        return output;
    }
}
