package dev.berth.ecs.service;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.value.MapValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.cluster;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.service;
import static dev.berth.ecs.fake.Configs.taskDef;
import static dev.berth.ecs.fake.Harness.errors;
import static dev.berth.ecs.service.ServiceFixture.SERVICE;
import static dev.berth.ecs.service.ServiceFixture.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FARGATE is not infinite: the account's vCPU quota (the fake engine holds 4 CPUs) and ECS's
 * 5,000 tasks per service fail the plan, or the deployment, with ECS's words.
 */
class FargateQuotaTest {
    private static final String VCPU_LIMIT = "service api was unable to place a task. Reason: You've reached the limit"
            + " on the number of vCPUs you can run concurrently. For more information, see the Troubleshooting section"
            + " of the Amazon ECS Developer Guide.";
    private final Harness h = new Harness();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final String prod = str(h.converge("ecs_cluster", null, cluster("prod")).get("arn"));
    /** A quarter of a vCPU per task: 16 fit in the fake engine's 4 CPUs. */
    private final String quarter = str(h.converge("ecs_task_definition", null, taskDef("family", "web", "cpu", "256",
            "memory", "512", "container", blocks(container("name", "web", "image", "nginx", "memory", 128)))).get("arn"));

    @AfterEach
    void close() {
        pool.shutdownNow();
        h.close();
    }

    @Test
    void aDesiredCountAboveEcsTasksPerServiceQuotaFailsThePlan() {
        PlanResponse plan = h.plan(SERVICE, null, service("api", prod, quarter, 100_000));
        ProviderDiagnostic d = plan.diagnostics().stream().filter(ProviderDiagnostic::isError).findFirst().orElseThrow();
        assertEquals("Desired count exceeds limit.", d.summary());
        assertEquals("ECS runs at most 5,000 tasks per service; desired_count is 100000.", d.detail());
        assertEquals(List.of("desired_count"), d.path());
        assertEquals(0, h.runtime.launches.size());
    }

    @Test
    void moreVcpusThanTheQuotaFailThePlanWithEcsMessage() {
        assertEquals(List.of(), errors(h.plan(SERVICE, null, service("api", prod, quarter, 16)).diagnostics()));
        PlanResponse plan = h.plan(SERVICE, null, service("api", prod, quarter, 17));
        assertEquals(List.of(VCPU_LIMIT), errors(plan.diagnostics()));
        assertTrue(plan.diagnostics().get(0).detail().contains("quota is 4 vCPU"), plan.diagnostics().get(0).detail());
    }

    @Test
    void fargateTasksOfEveryClusterCountAgainstTheAccountsQuota() {
        h.converge(SERVICE, null, service("api", prod, quarter, 12));
        String other = str(h.converge("ecs_cluster", null, cluster("other")).get("arn"));
        assertEquals(List.of(), errors(h.plan(SERVICE, null, service("api", other, quarter, 4)).diagnostics()));
        assertEquals(List.of(VCPU_LIMIT), errors(h.plan(SERVICE, null, service("api", other, quarter, 5)).diagnostics()),
                "a service of the same name in another cluster is not this one, yet its tasks count");
    }

    @Test
    void aDeploymentBeyondTheQuotaStartsWhatFitsAndFailsWithEcsMessage() {
        Deployer deployer = new Deployer(h.store, () -> h.runtime, pool, host -> h.runtime, () -> 4 * 1024);
        DeployResult r = deployer.deploy(DeployRequest.of("api", "prod", quarter, 20, "FARGATE"));
        assertEquals(DeployResult.Status.FAILED, r.status());
        assertEquals(VCPU_LIMIT, r.message());
        assertEquals(16, h.runtime.launches.size(), "the engine is not asked for more than the quota holds");
        assertEquals(DeployResult.Status.REJECTED,
                deployer.deploy(DeployRequest.of("api", "prod", quarter, 5001, "FARGATE")).status());
    }

    @Test
    void theProviderTakesTheQuotaItIsGiven() {
        try (var provider = new dev.berth.ecs.EcsProvider(h.store, host -> h.runtime, 1)) {
            MapValue config = service("api", prod, quarter, 5);
            var plan = provider.plan(new dev.berth.engine.provider.ProviderRequests.PlanRequest(
                    dev.berth.engine.addrs.ResourceInstanceAddr.of(SERVICE, "x"), SERVICE, null, config));
            assertEquals(List.of(VCPU_LIMIT), errors(plan.diagnostics()));
        }
    }
}
