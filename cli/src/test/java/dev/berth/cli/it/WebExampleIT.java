package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/web applied for real: on the local Docker engine, with the state in a real SQLite
 * file. Each test runs in its own copy of the example with its own cluster name, and removes
 * every container and network it made even when it fails.
 */
class WebExampleIT extends WebExampleFixture {
    private CliRun applyOk(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "apply";
        args[1] = "-auto-approve";
        System.arraycopy(extra, 0, args, 2, extra.length);
        CliRun r = berth(args);
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    private String url() {
        CliRun r = CliRun.of("-chdir=" + dir, "output", "-raw", "url");
        assertEquals(0, r.exitCode(), r::toString);
        return r.out().trim();
    }

    static String get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Exception last = null;
        for (int i = 0; i < 20; i++) {
            try {
                HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (resp.statusCode() == 200) return resp.body();
            } catch (java.io.IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no answer from " + url, last);
    }

    @Test
    void applyRunsLabelledContainersWithTheirLimitsAndServesHttp() throws Exception {
        CliRun r = applyOk();
        assertTrue(r.out().contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed."), r::toString);

        List<ContainerInfo> web = running("web");
        List<ContainerInfo> probe = running("probe");
        assertEquals(2, web.size(), "two tasks, each with a web container");
        assertEquals(2, probe.size(), "two tasks, each with a probe sidecar");
        for (ContainerInfo c : web) {
            assertEquals(DockerEngine.clusterArn(cluster), c.labels().get("dev.berth.cluster"));
            assertEquals("arn:aws:ecs:local:000000000000:service/" + cluster + "/web", c.labels().get("dev.berth.service"));
            assertTrue(c.labels().get("dev.berth.task-arn").startsWith("arn:aws:ecs:local:000000000000:task/" + cluster + "/"));
            assertEquals("arn:aws:ecs:local:000000000000:task-definition/web:" + revisionOf(c), c.labels().get("dev.berth.task-definition"));
            assertEquals(128, c.cpuShares());
            assertEquals(256L * 1024 * 1024, c.memoryBytes());
            assertEquals(64L * 1024 * 1024, c.memoryReservationBytes());
            assertEquals("hello", c.environment().get("GREETING"));
            assertTrue(c.ports().stream().allMatch(p -> p.hostIp().equals("127.0.0.1")), "ports bind to loopback only");
        }
        for (ContainerInfo c : probe) {
            assertEquals(64, c.cpuShares());
            assertEquals(64L * 1024 * 1024, c.memoryBytes());
        }
        assertEquals("hello from berth\n", get(url()));
        CliRun show = CliRun.of("-chdir=" + dir, "state", "show", "ecs_service.web");
        assertTrue(show.out().contains("service web has reached a steady state."), "events are kept: " + show);

        CliRun again = berth("plan");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("No changes. Your infrastructure matches the configuration."), again::toString);
    }

    private static String revisionOf(ContainerInfo c) {
        String td = c.labels().get("dev.berth.task-definition");
        return td.substring(td.lastIndexOf(':') + 1);
    }

    @Test
    void changingDesiredCountPlansAnInPlaceUpdateAndStartsOneMoreTask() {
        applyOk("-var", "desired_count=2");
        CliRun plan = berth("plan", "-var", "desired_count=3");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("# ecs_service.web will be updated in-place"), plan::toString);
        assertTrue(plan.out().matches("(?s).*~ desired_count\\s+= 2 -> 3\\n.*"), plan::toString);
        assertTrue(plan.out().contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan::toString);

        CliRun apply = applyOk("-var", "desired_count=3");
        assertTrue(apply.out().contains("Apply complete! Resources: 0 added, 1 changed, 0 destroyed."), apply::toString);
        assertEquals(3, running("web").size());
    }

    @Test
    void aKilledContainerShowsInThePlanAndApplyBringsTheServiceBack() throws Exception {
        applyOk();
        ContainerInfo victim = running("web").get(0);
        DockerEngine.kill(victim.id());

        CliRun plan = berth("plan", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("# ecs_service.web has changed"), plan::toString);
        assertTrue(plan.out().matches("(?s).*~ running_count\\s+= 2 -> 1\\n.*# 1 task will be replaced\\n.*"), plan::toString);

        CliRun apply = applyOk();
        assertTrue(apply.out().contains("1 changed"), apply::toString);
        assertEquals(2, running("web").size());
        assertFalse(running("web").stream().anyMatch(c -> c.id().equals(victim.id())));
        assertEquals("hello from berth\n", get(url()));
        assertEquals(0, berth("plan", "-detailed-exitcode").exitCode(), "no changes after the repair");
    }

    @Test
    void destroyLeavesNoContainerNetworkOrResourceBehind() {
        applyOk();
        assertFalse(DockerEngine.containersOf(docker, cluster).isEmpty());

        CliRun destroy = berth("destroy", "-auto-approve");
        assertEquals(0, destroy.exitCode(), destroy::toString);
        assertTrue(destroy.out().contains("Destroy complete! Resources: 3 destroyed."), destroy::toString);
        assertTrue(DockerEngine.containersOf(docker, cluster).isEmpty(), "no container left, running or stopped");
        assertFalse(docker.networkExists("berth-" + cluster), "the cluster's network is gone");
        CliRun list = CliRun.of("-chdir=" + dir, "state", "list");
        assertEquals("", list.out(), list::toString);
    }
}
