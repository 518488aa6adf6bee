package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of change made outside berth, made for real with the docker CLI on examples/web:
 * the plan names it in the drift section, -detailed-exitcode gives 2, and apply undoes it so
 * the next plan is empty. Every test has its own cluster and removes every container and network
 * it made, the hand-started ones included, even when it fails.
 */
class DriftIT {
    private static final Path EXAMPLE = Path.of("..", "examples", "web", "main.hcl");
    private static final String RULE = "\n─";

    @TempDir
    Path dir;
    private DockerRuntime docker;
    private String cluster;

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Files.copy(EXAMPLE, dir.resolve("main.hcl"));
    }

    @AfterEach
    void tearDown() {
        if (docker == null) return;
        try {
            berth("destroy", "-auto-approve");
        } finally {
            DockerEngine.cleanUp(docker, cluster);
            docker.close();
        }
    }

    /** berth in the test's directory, for its cluster, with one task so each test stays quick. */
    private CliRun berth(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-var";
        all[args.length + 1] = "cluster_name=" + cluster;
        all[args.length + 2] = "-var";
        all[args.length + 3] = "desired_count=1";
        return CliRun.in(dir, all);
    }

    private void applyOk() {
        CliRun r = berth("apply", "-auto-approve");
        assertEquals(0, r.exitCode(), r::toString);
    }

    private ContainerInfo web() {
        List<ContainerInfo> web = DockerEngine.containersOf(docker, cluster).stream()
                .filter(c -> "web".equals(c.labels().get("dev.berth.container-name")))
                .filter(ContainerInfo::running).toList();
        assertEquals(1, web.size(), "one running web container");
        return web.get(0);
    }

    /** The "Objects have changed outside of berth" part of a plan's output. */
    private static String drift(CliRun plan) {
        String out = plan.out();
        assertTrue(out.contains("Objects have changed outside of berth"), plan::toString);
        int rule = out.indexOf(RULE);
        return rule < 0 ? out : out.substring(0, rule);
    }

    private static void assertLine(String text, String regex, CliRun run) {
        assertTrue(text.matches("(?s).*" + regex + ".*"), () -> "no line matching " + regex + " in\n" + run);
    }

    /** Plans with -detailed-exitcode (2), applies, and checks that nothing is left to do. */
    private CliRun planShowsDriftThenApplyUndoesIt(String attributeChange) {
        CliRun plan = berth("plan", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan::toString);
        String drift = drift(plan);
        assertTrue(drift.contains("# ecs_service.web has changed"), plan::toString);
        assertLine(drift, attributeChange, plan);
        assertTrue(plan.out().contains("# ecs_service.web will be updated in-place"), plan::toString);
        applyOk();
        CliRun after = berth("plan", "-detailed-exitcode");
        assertEquals(0, after.exitCode(), after::toString);
        return plan;
    }

    @Test
    void aKilledContainerIsDriftAndApplyReplacesTheTask() throws Exception {
        applyOk();
        ContainerInfo victim = web();
        DockerEngine.kill(victim.id());
        planShowsDriftThenApplyUndoesIt("~ state\\s+= \"running\" -> \"exited\"\\n");
        assertNotEquals(victim.id(), web().id());
    }

    @Test
    void aRemovedContainerIsDriftAndApplyReplacesTheTask() throws Exception {
        applyOk();
        ContainerInfo victim = web();
        DockerEngine.cli("rm", "-f", victim.id());
        planShowsDriftThenApplyUndoesIt("~ state\\s+= \"running\" -> \"removed\"\\n");
        assertNotEquals(victim.id(), web().id());
    }

    @Test
    void aRestartedContainerIsDriftAndApplyReplacesTheTask() throws Exception {
        applyOk();
        ContainerInfo victim = web();
        DockerEngine.cli("restart", "-t", "0", victim.id());
        planShowsDriftThenApplyUndoesIt("~ restarts\\s+= 0 -> 1\\n");
        assertNotEquals(victim.id(), web().id());
    }

    @Test
    void dockerUpdateOfCpuSharesAndMemoryIsDriftAndApplyRestoresTheDefinedLimits() throws Exception {
        applyOk();
        ContainerInfo victim = web();
        DockerEngine.cli("update", "--cpu-shares", "512", "--memory", "300m", victim.id());
        CliRun plan = planShowsDriftThenApplyUndoesIt("~ cpu_shares\\s+= 128 -> 512\\n");
        assertLine(drift(plan), "~ memory\\s+= 256 -> 300\\n", plan);
        ContainerInfo now = web();
        assertNotEquals(victim.id(), now.id());
        assertEquals(128, now.cpuShares());
        assertEquals(256L * 1024 * 1024, now.memoryBytes());
    }

    @Test
    void aContainerWithTheServiceLabelsStartedByHandIsAnOrphanThatApplyRemoves() throws Exception {
        applyOk();
        String name = "berth-orphan-" + cluster;
        String service = "arn:aws:ecs:local:000000000000:service/" + cluster + "/web";
        // No network: the hand-made container needs none, and the default bridge may not exist.
        DockerEngine.cli("run", "-d", "--network", "none", "--name", name, "--label", "dev.berth.cluster=" + DockerEngine.clusterArn(cluster),
                "--label", "dev.berth.service=" + service,
                "--label", "dev.berth.task-arn=arn:aws:ecs:local:000000000000:task/" + cluster + "/byhand",
                "berth-example/busybox:latest", "sleep", "300");
        CliRun plan = planShowsDriftThenApplyUndoesIt("~ orphaned_containers\\s+= \\[\\n\\s+\\+ \"" + name + "\",");
        // The action section folds what apply does about it into one line; the drift above names it.
        assertLine(plan.out(), "# 1 orphaned container will be removed\\n", plan);
        assertTrue(DockerEngine.containersOf(docker, cluster).stream().noneMatch(c -> c.name().equals(name)),
                "the hand-started container is gone");
    }

    @Test
    void aRemovedClusterNetworkShowsTheClusterDeletedAndApplyRecreatesIt() throws Exception {
        applyOk();
        String network = "berth-" + cluster;
        // Docker refuses to remove a network with live endpoints: detach the task first.
        DockerEngine.cli("network", "disconnect", "-f", network, web().id());
        DockerEngine.cli("network", "rm", network);
        assertFalse(docker.networkExists(network));

        CliRun plan = berth("plan", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan::toString);
        assertTrue(drift(plan).contains("# ecs_cluster.main has been deleted"), plan::toString);
        assertTrue(plan.out().contains("# ecs_cluster.main will be created"), plan::toString);
        applyOk();
        assertTrue(docker.networkExists(network), "apply recreated the cluster's network");
    }

    /**
     * Docker's event log keeps only its last 256 events: a refresh that learns of updates from it
     * misses one followed by a few hundred unrelated events. The answer must not depend on that.
     */
    @Test
    void aCpuUpdateIsDriftEvenAfterHundredsOfUnrelatedEngineEvents() throws Exception {
        applyOk();
        DockerEngine.cli("update", "--cpu-shares", "384", web().id());
        EngineNoise.tagAndUntag(200);

        CliRun plan = berth("plan", "-refresh-only", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan::toString);
        assertTrue(drift(plan).contains("# ecs_service.web has changed"), plan::toString);
        assertLine(drift(plan), "~ cpu_shares\\s+= 128 -> 384\\n", plan);
    }

    @Test
    void refreshOnlyShowsOnlyTheDriftAndApplyRefreshOnlyAcceptsIt() throws Exception {
        applyOk();
        DockerEngine.cli("update", "--cpu-shares", "256", web().id());

        CliRun plan = berth("plan", "-refresh-only", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan::toString);
        assertLine(drift(plan), "~ cpu_shares\\s+= 128 -> 256\\n", plan);
        assertFalse(plan.out().contains("will be updated in-place"), "refresh-only proposes no actions");

        CliRun accept = berth("apply", "-refresh-only", "-auto-approve");
        assertEquals(0, accept.exitCode(), accept::toString);
        CliRun again = berth("plan", "-refresh-only", "-detailed-exitcode");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("No changes."), again::toString);

        // The accepted drift is now the recorded state, which still differs from the configuration:
        // apply replaces the task, which the plan folds into one line.
        CliRun normal = berth("plan", "-detailed-exitcode");
        assertEquals(2, normal.exitCode(), normal::toString);
        assertLine(normal.out(), "# 1 task will be replaced\\n", normal);
    }
}
