package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost of a running world on the real engine: a FARGATE service of two 0.25 vCPU, 0.5 GB
 * tasks ($18.02005 a month), the local engine registered as a t3.medium container instance
 * ($30.368) and an EC2 service on it (billed as the instance). One apply serves every check;
 * the containers stop at once on SIGTERM, so the closing destroy takes seconds.
 */
class CostIT extends ClusterFixture {
    static final String CONFIG = """
            variable "cluster_name" {
              type = string
            }

            variable "web_count" {
              type    = number
              default = 2
            }

            locals {
              # sh as PID 1 with a trap ends on SIGTERM, so stopping a task takes no 30 s timeout.
              command = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]
            }

            resource "ecs_cluster" "main" {
              name = var.cluster_name
            }

            resource "ecs_container_instance" "host" {
              cluster = ecs_cluster.main.id
              attributes = {
                "ecs.instance-type" = "t3.medium"
              }
            }

            resource "ecs_task_definition" "web" {
              family                   = "${var.cluster_name}-web"
              cpu                      = 256
              memory                   = 512
              network_mode             = "awsvpc"
              requires_compatibilities = ["FARGATE"]
              container {
                name    = "web"
                image   = "berth-example/busybox:latest"
                memory  = 64
                command = local.command
              }
            }

            resource "ecs_service" "web" {
              name            = "web"
              cluster         = ecs_cluster.main.id
              task_definition = ecs_task_definition.web.arn
              desired_count   = var.web_count
              launch_type     = "FARGATE"
            }

            resource "ecs_task_definition" "worker" {
              family = "${var.cluster_name}-worker"
              container {
                name    = "worker"
                image   = "berth-example/busybox:latest"
                memory  = 32
                command = local.command
              }
            }

            resource "ecs_service" "worker" {
              name            = "worker"
              cluster         = ecs_cluster.main.id
              task_definition = ecs_task_definition.worker.arn
              desired_count   = 1
              launch_type     = "EC2"
              depends_on      = [ecs_container_instance.host]
            }
            """;

    private CliRun berth(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-var";
        all[args.length + 1] = "cluster_name=" + cluster;
        CliRun r = CliRun.in(dir, all);
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    @Override
    String[] destroyArgs() {
        return new String[]{"destroy", "-auto-approve", "-lock-timeout=30s", "-var", "cluster_name=" + cluster};
    }

    @Test
    void whatRunsIsPricedAndEveryPlanSaysWhatItWouldCost() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), CONFIG);
        berth("apply", "-auto-approve");

        CliRun now = CliRun.in(dir, "cost");
        assertEquals(0, now.exitCode(), now::toString);
        String out = now.out();
        assertTrue(out.contains("cluster " + cluster + "\n"), out);
        assertTrue(out.matches("(?s).*\n  service:web +2 tasks x 0\\.25 vCPU, 0\\.5 GB FARGATE +\\$18\\.02/month +\\$0\\.\\d{4} so far\n.*"), out);
        assertTrue(out.matches("(?s).*\n    [0-9a-f]{32} +running \\d+s, billed 1m +\\$9\\.01/month +\\$0\\.0002\n.*"), out);
        assertTrue(out.matches("(?s).*\n  service:worker +1 task EC2 +\\$0\\.00/month.*"), out);
        assertTrue(out.matches("(?s).*\n  instance [0-9a-f-]+ +t3\\.medium ACTIVE, up \\d+s, billed 1m +\\$30\\.37/month +\\$0\\.0007\n.*"), out);
        // 18.02005 + 30.368 = 48.38805 a month
        assertTrue(out.contains("\nTotal: $48.39/month at this rate, $0.0011 so far.\n"), out);

        CliRun asJson = CliRun.in(dir, "cost", "-json");
        assertEquals(0, asJson.exitCode(), asJson::toString);
        JsonNode json = new ObjectMapper().readTree(asJson.out());
        assertEquals(0, new BigDecimal("48.38805").compareTo(new BigDecimal(json.get("monthly").asText())));
        JsonNode group = json.get("clusters").get(0).get("groups").get(0);
        assertEquals("service:web", group.get("group").asText());
        // Each task has run under a minute, so each is billed the minimum: 0.0123425 / 60.
        for (JsonNode t : group.get("tasks")) {
            assertEquals(0, new BigDecimal("0.0002057083333333333333333333333333333")
                    .compareTo(new BigDecimal(t.get("so_far").asText())), t::toString);
        }

        String same = berth("plan").out();
        assertTrue(same.contains("No changes."), same);
        assertTrue(same.contains("\nCost: $48.39/month -> $48.39/month (no change)\n"), same);

        String scaled = berth("plan", "-var", "web_count=4").out();
        assertTrue(scaled.contains("\nCost: $48.39/month -> $66.41/month (+$18.02)\n"), scaled);
        assertTrue(scaled.matches("(?s).*\n  ecs_service\\.web +2 -> 4 tasks x 0\\.25 vCPU, 0\\.5 GB FARGATE +"
                + "\\$18\\.02 -> \\$36\\.04 \\(\\+\\$18\\.02\\)\n.*"), scaled);

        String gone = berth("plan", "-destroy").out();
        assertTrue(gone.contains("\nCost: $48.39/month -> $0.00/month (-$48.39)\n"), gone);
        assertTrue(gone.matches("(?s).*\n  ecs_service\\.web +2 -> 0 tasks x 0\\.25 vCPU, 0\\.5 GB FARGATE +"
                + "\\$18\\.02 -> \\$0\\.00 \\(-\\$18\\.02\\)\n.*"), gone);
    }
}
