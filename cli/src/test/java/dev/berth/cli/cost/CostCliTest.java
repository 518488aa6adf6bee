package dev.berth.cli.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost of a plan through the real berth command classes, state and control plane files
 * (SQLite). Nothing here starts a container: plans of services and instances that do not exist
 * yet, and applies of task definitions, need no Docker engine (the Fargate quota is given, so
 * the engine is not asked for its CPUs). Prices: 0.25 vCPU and 0.5 GB on FARGATE are
 * $0.0123425 an hour, $9.010025 a month of 730 hours; t3.medium is $0.0416 an hour, $30.368 a month.
 */
class CostCliTest {
    static final String PROVIDER = """
            provider "ecs" {
              fargate_vcpu_quota = 8
              %s
            }
            """;
    static final String WEB = """
            resource "ecs_cluster" "main" {
              name = "cost-cli"
            }

            resource "ecs_task_definition" "web" {
              family                   = "cost-web"
              cpu                      = 256
              memory                   = 512
              network_mode             = "awsvpc"
              requires_compatibilities = ["FARGATE"]
              container {
                name   = "web"
                image  = "berth-example/busybox:latest"
                memory = 128
              }
            }

            resource "ecs_service" "web" {
              name            = "web"
              cluster         = ecs_cluster.main.id
              task_definition = ecs_task_definition.web.arn
              desired_count   = 2
              launch_type     = "FARGATE"
            }
            """;
    static final String INSTANCES = """
            resource "ecs_container_instance" "%s" {
              cluster = ecs_cluster.main.id
              cpu     = 2048
              memory  = 4096
              attributes = %s
            }
            """;

    @TempDir
    Path dir;

    private void write(String providerExtra, String... blocks) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), PROVIDER.formatted(providerExtra) + String.join("\n", blocks));
    }

    private CliRun ok(CliRun r) {
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    @Test
    void aPlanEndsWithTheMonthlyCostBeforeAndAfterPerServiceAndInTotal() throws Exception {
        write("", WEB);

        CliRun r = ok(CliRun.in(dir, "plan"));

        // 2 x 0.0123425 x 730 = 18.02005
        assertTrue(r.out().contains("\nCost: $0.00/month -> $18.02/month (+$18.02)\n"
                + "  ecs_service.web  0 -> 2 tasks x 0.25 vCPU, 0.5 GB FARGATE  $0.00 -> $18.02 (+$18.02)\n"), r::toString);
        assertTrue(r.out().indexOf("Cost:") > r.out().indexOf("Plan: 3 to add"), "the cost section follows the plan");
        assertTrue(r.out().indexOf("Cost:") < r.out().indexOf("Note: You didn't use the -out option"), r::toString);
    }

    @Test
    void planJsonStreamsTheCostAsOneMessageAfterTheChangeSummary() throws Exception {
        write("", WEB);

        List<String> lines = ok(CliRun.in(dir, "plan", "-json")).out().lines().toList();
        ObjectMapper mapper = new ObjectMapper();
        List<String> types = new java.util.ArrayList<>();
        JsonNode cost = null;
        for (String line : lines) {
            JsonNode m = mapper.readTree(line);
            types.add(m.get("type").asText());
            if (m.get("type").asText().equals("cost")) cost = m;
        }
        assertTrue(types.indexOf("cost") > types.indexOf("change_summary"), types::toString);
        assertEquals("Cost: $0.00/month -> $18.02/month (+$18.02)", cost.get("@message").asText());
        assertEquals("18.02005", cost.get("cost").get("monthly_after").asText());
        assertEquals("ecs_service.web", cost.get("cost").get("resources").get(0).get("address").asText());
    }

    @Test
    void thePlanDocumentCarriesACostObjectWithExactAmounts() throws Exception {
        write("", WEB);
        ok(CliRun.in(dir, "plan", "-out=web.plan"));

        JsonNode cost = new ObjectMapper().readTree(ok(CliRun.in(dir, "show", "-json", "web.plan")).out()).get("cost");

        assertEquals("USD", cost.get("currency").asText());
        assertEquals(730, cost.get("hours_per_month").asInt());
        assertEquals("0", cost.get("monthly_before").asText());
        assertEquals("18.02005", cost.get("monthly_after").asText());
        JsonNode web = cost.get("resources").get(0);
        assertEquals("ecs_service.web", web.get("address").asText());
        assertEquals("0.024685", web.get("hourly_after").asText());
        assertEquals("0 -> 2 tasks x 0.25 vCPU, 0.5 GB FARGATE", web.get("description").asText());
        assertEquals(0, cost.get("unpriced").size());
    }

    @Test
    void planMarkdownEndsWithACostTable() throws Exception {
        write("", WEB);

        String md = ok(CliRun.in(dir, "plan", "-markdown")).out();

        assertTrue(md.contains("### Cost\n\n| Resource | Priced | Before | After | Change |\n|---|---|--:|--:|--:|\n"
                + "| `ecs_service.web` | 0 -&gt; 2 tasks x 0.25 vCPU, 0.5 GB FARGATE | $0.00 | $18.02 | +$18.02 |\n"
                + "| **Total** | | **$0.00** | **$18.02** | **+$18.02** |\n"), md);
    }

    @Test
    void mixedLaunchTypesAndInstancesWithoutAPriceAreNamedNotCountedAsZero() throws Exception {
        write("", WEB,
                INSTANCES.formatted("known", "{ \"ecs.instance-type\" = \"t3.medium\" }"),
                INSTANCES.formatted("odd", "{ \"ecs.instance-type\" = \"x9.huge\" }"),
                INSTANCES.formatted("bare", "{ \"ecs.availability-zone\" = \"local-1a\" }"),
                """
                resource "ecs_task_definition" "worker" {
                  family = "cost-worker"
                  container {
                    name   = "worker"
                    image  = "berth-example/busybox:latest"
                    memory = 64
                  }
                }

                resource "ecs_service" "worker" {
                  name            = "worker"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.worker.arn
                  desired_count   = 3
                  launch_type     = "EC2"
                }
                """);

        CliRun r = ok(CliRun.in(dir, "plan"));

        // 18.02005 (FARGATE) + 30.368 (t3.medium) + 0 (EC2 service) = 48.38805
        assertTrue(r.out().contains("Cost: $0.00/month -> $48.39/month (+$48.39), leaving out 2 objects without a price\n"),
                r::toString);
        assertTrue(r.out().contains("ecs_container_instance.known  0 -> 1 t3.medium instance"), r::toString);
        assertTrue(r.out().contains("$0.00 -> $30.37 (+$30.37)"), r::toString);
        assertTrue(r.out().contains("not priced: instance type x9.huge is not in berth's built-in us-east-1 price list"),
                r::toString);
        assertTrue(r.out().contains("not priced: it has no ecs.instance-type attribute"), r::toString);
        assertTrue(r.out().contains("ecs_service.worker            0 -> 3 tasks EC2 (billed as its cluster's instances)"),
                r::toString);
    }

    @Test
    void aPriceListOfTheUsersOwnIsReadInsteadOfTheBuiltInOne() throws Exception {
        Files.writeString(dir.resolve("prices.txt"), """
                # eu-west-1, say
                fargate.vcpu 0.04656
                fargate.gb   0.00511
                t3.medium    0.0456
                """);
        write("prices = \"prices.txt\"", WEB);

        CliRun r = ok(CliRun.in(dir, "plan"));

        // 2 x (0.25 x 0.04656 + 0.5 x 0.00511) x 730 = 2 x 0.014195 x 730 = 20.7247
        assertTrue(r.out().contains("Cost: $0.00/month -> $20.72/month (+$20.72)"), r::toString);
    }

    @Test
    void aBadPriceListFailsThePlanNamingFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("prices.txt"), "t3.medium 0.0416\nm5.large  0,096\n");
        write("prices = \"prices.txt\"", WEB);

        CliRun r = CliRun.in(dir, "plan");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Invalid price list prices.txt:2:11: \"0,096\" is not a price"), r::toString);
        assertTrue(r.err().contains("prices.txt, line 2:\n  2: m5.large  0,096\n" + " ".repeat(15) + "^"), r::toString);
        assertTrue(r.err().contains("on main.hcl line 3"), "points at the prices setting too: " + r);
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r::toString);

        CliRun cost = CliRun.in(dir, "cost");
        assertEquals(1, cost.exitCode(), cost::toString);
        assertTrue(cost.err().contains("Invalid price list prices.txt:2:11"), cost::toString);
    }

    @Test
    void aPlanWithNoChangesStillEndsWithTheCostSection() throws Exception {
        write("", """
                resource "ecs_task_definition" "only" {
                  family = "cost-only"
                  container {
                    name   = "app"
                    image  = "berth-example/busybox:latest"
                    memory = 64
                  }
                }
                """);
        ok(CliRun.in(dir, "apply", "-auto-approve"));

        CliRun r = ok(CliRun.in(dir, "plan"));

        assertTrue(r.out().contains("No changes."), r::toString);
        assertTrue(r.out().endsWith("\nCost: $0.00/month -> $0.00/month (no change)\n"
                + "  Nothing in this plan is billed by the hour.\n"), r::toString);
    }

    @Test
    void aSavedPlanShowsTheSameCost() throws Exception {
        write("", WEB);
        ok(CliRun.in(dir, "plan", "-out=web.plan"));

        CliRun shown = ok(CliRun.in(dir, "show", "web.plan"));
        JsonNode json = new ObjectMapper().readTree(ok(CliRun.in(dir, "show", "-json", "web.plan")).out());

        assertTrue(shown.out().contains("Cost: $0.00/month -> $18.02/month (+$18.02)"), shown::toString);
        assertEquals("18.02005", json.get("cost").get("monthly_after").asText());
    }

    @Test
    void costOfAnEmptyWorldIsNothing() throws Exception {
        write("", "");

        CliRun r = ok(CliRun.in(dir, "cost"));

        assertTrue(r.out().startsWith("Cost of what runs now in " + dir.toAbsolutePath().normalize().resolve("ecs.db")
                + " (berth's built-in us-east-1 price list):\n"), r::toString);
        assertTrue(r.out().endsWith("\nTotal: $0.00/month at this rate, $0.0000 so far.\n"), r::toString);
    }
}
