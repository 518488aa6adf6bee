package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.InstanceCalls.DeregisterContainerInstanceRequest;
import dev.berth.ecs.api.InstanceCalls.ListContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.UpdateContainerInstancesStateRequest;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.cli.TestStores;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Container instance actions called by another client of the control plane (as the AWS CLI
 * would) while a configuration's EC2 service runs on two instances of the real engine: the
 * service's containers move, and the configuration's next plan shows the change as drift.
 */
class InstanceActionsIT extends ClusterFixture {
    private void write() throws Exception {
        StringBuilder hcl = new StringBuilder("""
                resource "ecs_cluster" "main" {
                  name = "%s"
                }

                resource "ecs_task_definition" "app" {
                  family                   = "%s-app"
                  network_mode             = "bridge"
                  requires_compatibilities = ["EC2"]
                  container {
                    name    = "app"
                    image   = "berth-example/busybox:latest"
                    cpu     = 128
                    memory  = 32
                    command = ["sleep", "600"]
                  }
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 2
                  launch_type     = "EC2"
                  depends_on      = [ecs_container_instance.a, ecs_container_instance.b]
                }
                """.formatted(cluster, cluster));
        for (String zone : List.of("a", "b")) {
            hcl.append("""

                    resource "ecs_container_instance" "%s" {
                      cluster    = ecs_cluster.main.id
                      cpu        = 1024
                      memory     = 1024
                      attributes = { "ecs.availability-zone" = "zone-%s" }
                    }
                    """.formatted(zone, zone));
        }
        Files.writeString(dir.resolve("main.hcl"), hcl.toString());
    }

    /** Calls the control plane of this directory's configuration, as another client would. */
    private void withControlPlane(Consumer<ControlPlane> calls) {
        try (var store = TestStores.openEcs(dir)) {
            calls.accept(new ControlPlane(store, host -> docker));
        }
    }

    private static String instanceIn(ControlPlane api, String cluster, String zone) {
        List<String> arns = api.listContainerInstances(new ListContainerInstancesRequest(cluster,
                "attribute:ecs.availability-zone == zone-" + zone, null, null, null)).containerInstanceArns();
        assertEquals(1, arns.size(), arns::toString);
        return arns.get(0);
    }

    private List<ContainerInfo> running() {
        return DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running).toList();
    }

    private long runningOn(String instanceArn) {
        return running().stream().filter(c -> instanceArn.equals(c.labels().get("dev.berth.container-instance"))).count();
    }

    @Test
    void drainingAnInstanceMovesTheServiceTasksOffItAndThePlanShowsTheDrift() throws Exception {
        write();
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        String[] a = new String[1];
        withControlPlane(api -> {
            a[0] = instanceIn(api, cluster, "a");
            assertEquals(1, runningOn(a[0]), "spread puts one task in each zone");
            api.updateContainerInstancesState(new UpdateContainerInstancesStateRequest(cluster, List.of(a[0]),
                    "DRAINING"));
        });
        assertEquals(0, runningOn(a[0]), "no task runs on the drained instance");
        assertEquals(2, running().size(), "the service still runs both tasks");

        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan::toString);
        assertTrue(plan.out().matches("(?s).*# ecs_container_instance.a has changed.*status\\s+= \"ACTIVE\" -> "
                + "\"DRAINING\".*"), plan::toString);
    }

    @Test
    void aForcedDeregistrationMovesTheServiceTasksElsewhereAndThePlanShowsTheInstanceGone() throws Exception {
        write();
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        String[] a = new String[1];
        withControlPlane(api -> {
            a[0] = instanceIn(api, cluster, "a");
            EcsException refused = assertThrows(EcsException.class, () -> api.deregisterContainerInstance(
                    new DeregisterContainerInstanceRequest(cluster, a[0], false)));
            assertEquals("InvalidParameterException: Found running tasks on the instance.", refused.toString());
            assertEquals("INACTIVE", api.deregisterContainerInstance(new DeregisterContainerInstanceRequest(cluster,
                    a[0], true)).containerInstance().status());
        });
        assertEquals(0, runningOn(a[0]), "no task runs on the deregistered instance");
        assertEquals(2, running().size(), "the service runs both tasks on the other instance");

        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("# ecs_container_instance.a has been deleted"), plan::toString);
        assertTrue(plan.out().contains("# ecs_container_instance.a will be created"), plan::toString);
    }
}
