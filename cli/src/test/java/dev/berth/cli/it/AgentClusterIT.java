package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.api.InstanceCalls.DeregisterContainerInstanceRequest;
import dev.berth.ecs.api.InstanceCalls.ListContainerInstancesRequest;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.cli.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code berth agent --cluster} registers the real engine beside it as a container instance (its
 * CPUs, memory and the given attributes), which a data source then reads connected; stopping the
 * agent deregisters nothing.
 */
class AgentClusterIT extends ClusterFixture {
    private void write(boolean withData) throws Exception {
        String hcl = """
                resource "ecs_cluster" "main" {
                  name = "%s"
                }
                """.formatted(cluster);
        if (withData) {
            hcl += """

                    data "ecs_container_instance" "agent" {
                      cluster = ecs_cluster.main.name
                      filter  = "attribute:ecs.availability-zone == zone-q"
                    }

                    output "connected" {
                      value = data.ecs_container_instance.agent.agent_connected
                    }

                    output "cpu" {
                      value = data.ecs_container_instance.agent.registered_cpu
                    }

                    output "os" {
                      value = data.ecs_container_instance.agent.attributes["ecs.os-type"]
                    }
                    """;
        }
        Files.writeString(dir.resolve("main.hcl"), hcl);
    }

    /** The agent's instance blocks the cluster's deletion, as in ECS: deregister it before destroy. */
    @AfterEach
    void deregisterTheAgentsInstance() {
        if (docker == null || (!TestStores.postgres() && !Files.exists(TestStores.of(dir)))) return;
        try (var store = TestStores.openEcs(dir)) {
            ControlPlane api = new ControlPlane(store, host -> docker);
            for (String arn : api.listContainerInstances(new ListContainerInstancesRequest(cluster, null, null, null,
                    null)).containerInstanceArns()) {
                api.deregisterContainerInstance(new DeregisterContainerInstanceRequest(cluster, arn, true));
            }
        } catch (RuntimeException e) {
            // The cluster may never have been made; the fixture removes what exists.
        }
    }

    @Test
    void theAgentRegistersItsEngineAndADataSourceReadsItConnected() throws Exception {
        write(false);
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);

        String cpus;
        try (AgentProcess agent = AgentProcess.start(dir, "--cluster", cluster, "--attribute",
                "ecs.availability-zone=zone-q")) {
            String line = agent.await(l -> l.contains("registered in cluster " + cluster), Duration.ofSeconds(20));
            assertTrue(line.matches(".*container instance arn:aws:ecs:local:000000000000:container-instance/" + cluster
                    + "/[0-9a-f]{32} registered in cluster .*"), line);
            cpus = line.replaceAll(".*\\((\\d+) CPU units.*", "$1");
            int engineCpus = Integer.parseInt(DockerEngine.cli("info", "--format", "{{.NCPU}}").trim());
            assertEquals(1024 * engineCpus, Integer.parseInt(cpus), "the engine's CPUs, as Docker reports them");

            write(true);
            CliRun withData = CliRun.in(dir, "apply", "-auto-approve");
            assertEquals(0, withData.exitCode(), withData::toString);
            assertEquals("true", CliRun.in(dir, "output", "-raw", "connected").out().trim());
            assertEquals(cpus, CliRun.in(dir, "output", "-raw", "cpu").out().trim());
            assertEquals("linux", CliRun.in(dir, "output", "-raw", "os").out().trim());
            assertEquals(0, agent.terminate(Duration.ofSeconds(20)));
        }
        // Stopped, the agent deregistered nothing: the instance is still there for the data source.
        CliRun again = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(cpus, CliRun.in(dir, "output", "-raw", "cpu").out().trim());
    }
}
