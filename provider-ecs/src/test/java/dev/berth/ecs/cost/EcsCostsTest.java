package dev.berth.ecs.cost;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.CostRequests.CostItem;
import dev.berth.engine.provider.CostRequests.CostRequest;
import dev.berth.engine.provider.CostRequests.CostResponse;
import dev.berth.engine.provider.CostRequests.CostSubject;
import dev.berth.engine.provider.CostRequests.Rate;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ecs provider's prices for plan subjects, against hand-computed hourly rates (a month is
 * 730 of them): 0.25 vCPU and 0.5 GB on x86 is $0.0123425 an hour; t3.medium $0.0416.
 */
class EcsCostsTest {
    static final String TD_ARN = "arn:aws:ecs:local:000000000000:task-definition/web:1";
    static final ResourceInstanceAddr TD = ResourceInstanceAddr.of("ecs_task_definition", "web");
    static final ResourceInstanceAddr WEB = ResourceInstanceAddr.of("ecs_service", "web");
    final List<String> lookedUp = new ArrayList<>();
    final Map<String, Sizing> world = new HashMap<>();
    EcsCosts costs = new EcsCosts(PriceBook.builtIn(), ref -> {
        lookedUp.add(ref);
        return world.getOrDefault(ref, Sizing.unknown("task definition " + ref + " cannot be read"));
    });

    @TempDir
    Path dir;

    static MapValue taskDefinition(Value arn, String cpu, String memory, String arch) {
        Map<String, Value> m = new HashMap<>();
        m.put("arn", arn);
        m.put("family", Value.of("web"));
        m.put("cpu", cpu == null ? Value.nil() : Value.of(cpu));
        m.put("memory", memory == null ? Value.nil() : Value.of(memory));
        m.put("runtime_platform", Value.list(arch == null ? List.of()
                : List.of(Value.map(Map.of("cpu_architecture", Value.of(arch), "operating_system_family", Value.of("LINUX"))))));
        return new MapValue(m);
    }

    static MapValue service(Value taskDefinition, Value count, String launchType) {
        return new MapValue(Map.of("name", Value.of("web"), "task_definition", taskDefinition, "desired_count", count,
                "launch_type", Value.of(launchType)));
    }

    static MapValue instance(String type) {
        Map<String, Value> attrs = new HashMap<>(Map.of("ecs.availability-zone", Value.of("local-1a")));
        if (type != null) attrs.put("ecs.instance-type", Value.of(type));
        return new MapValue(Map.of("cluster", Value.of("main"), "attributes", Value.map(attrs)));
    }

    static CostSubject subject(ResourceInstanceAddr addr, MapValue before, MapValue after, ResourceAddr... upstream) {
        return new CostSubject(addr, addr.type(), before, after, List.of(upstream));
    }

    static CostSubject unchangedTd(MapValue td) {
        return subject(TD, td, td);
    }

    private CostResponse price(CostSubject... subjects) {
        return costs.estimate(new CostRequest(List.of(subjects)));
    }

    private static CostItem item(CostResponse r, ResourceInstanceAddr addr) {
        return r.items().stream().filter(i -> i.addr().equals(addr)).findFirst().orElseThrow();
    }

    private static void same(String expected, Rate actual) {
        assertTrue(actual.known(), () -> "not priced: " + actual.unpriced());
        assertEquals(0, new BigDecimal(expected).compareTo(actual.perHour()), () -> expected + " != " + actual.perHour());
    }

    @Test
    void aFargateServiceScaledFromTwoToFourTasksDoublesItsPrice() {
        MapValue td = taskDefinition(Value.of(TD_ARN), "256", "512", null);
        CostResponse r = price(unchangedTd(td),
                subject(WEB, service(Value.of(TD_ARN), Value.of(2), "FARGATE"), service(Value.of(TD_ARN), Value.of(4), "FARGATE")));

        CostItem web = item(r, WEB);
        same("0.024685", web.before());   // 2 x 0.0123425; x 730 = $18.02
        same("0.04937", web.after());     // 4 x 0.0123425; x 730 = $36.04
        assertEquals("2 -> 4 tasks x 0.25 vCPU, 0.5 GB FARGATE", web.description());
        assertEquals(1, r.items().size(), "a task definition costs nothing by itself");
        assertTrue(lookedUp.isEmpty(), "the plan held the task definition: " + lookedUp);
    }

    @Test
    void aNewServiceOfANewTaskDefinitionIsSizedByTheTaskDefinitionItRefersTo() {
        MapValue td = taskDefinition(Value.unknown(), "1 vCPU", "2 GB", null);
        CostResponse r = price(subject(TD, null, td),
                subject(WEB, null, service(Value.unknown(), Value.of(3), "FARGATE"), TD.resource()));

        CostItem web = item(r, WEB);
        same("0", web.before());
        // 3 x (1 x 0.04048 + 2 x 0.004445) = 3 x 0.04937
        same("0.14811", web.after());
        assertEquals("0 -> 3 tasks x 1 vCPU, 2 GB FARGATE", web.description());
    }

    @Test
    void aDestroyedServiceGoesToZero() {
        MapValue td = taskDefinition(Value.of(TD_ARN), "256", "512", null);
        CostResponse r = price(subject(TD, td, null), subject(WEB, service(Value.of(TD_ARN), Value.of(2), "FARGATE"), null));

        CostItem web = item(r, WEB);
        same("0.024685", web.before());
        assertEquals(Rate.ZERO, web.after());
        assertEquals("2 -> 0 tasks x 0.25 vCPU, 0.5 GB FARGATE", web.description());
    }

    @Test
    void anArm64TaskDefinitionIsPricedAtTheGravitonRates() {
        MapValue td = taskDefinition(Value.of(TD_ARN), "512", "1024", "ARM64");
        MapValue svc = service(Value.of(TD_ARN), Value.of(2), "FARGATE");
        CostItem web = item(price(unchangedTd(td), subject(WEB, svc, svc)), WEB);

        // 2 x (0.5 x 0.03238 + 1 x 0.00356) = 2 x 0.01975
        same("0.0395", web.after());
        assertEquals("2 tasks x 0.5 vCPU, 1 GB ARM64 FARGATE", web.description());
    }

    @Test
    void aServiceOnEc2CostsNothingOfItsOwnAndItsInstancesArePricedByType() {
        MapValue td = taskDefinition(Value.of(TD_ARN), null, "256", null);
        MapValue svc = service(Value.of(TD_ARN), Value.of(2), "EC2");
        ResourceInstanceAddr a = ResourceInstanceAddr.of("ecs_container_instance", "a");
        ResourceInstanceAddr b = ResourceInstanceAddr.of("ecs_container_instance", "b");
        CostResponse r = price(unchangedTd(td), subject(WEB, svc, svc),
                subject(a, instance("t3.medium"), instance("t3.medium")), subject(b, null, instance("m5.large")));

        assertEquals(Rate.ZERO, item(r, WEB).after());
        assertEquals("2 tasks EC2 (billed as its cluster's instances)", item(r, WEB).description());
        same("0.0416", item(r, a).after());
        assertEquals("t3.medium instance", item(r, a).description());
        same("0", item(r, b).before());
        same("0.096", item(r, b).after());
        assertEquals("0 -> 1 m5.large instance", item(r, b).description());
    }

    @Test
    void mixedLaunchTypesEachPriceTheirOwnWay() {
        MapValue td = taskDefinition(Value.of(TD_ARN), "256", "512", null);
        MapValue fargate = service(Value.of(TD_ARN), Value.of(2), "FARGATE");
        ResourceInstanceAddr worker = ResourceInstanceAddr.of("ecs_service", "worker");
        ResourceInstanceAddr host = ResourceInstanceAddr.of("ecs_container_instance", "host");
        MapValue ec2 = service(Value.of(TD_ARN), Value.of(5), "EC2");
        CostResponse r = price(unchangedTd(td), subject(WEB, fargate, fargate), subject(worker, ec2, ec2),
                subject(host, instance("c5.large"), instance("c5.large")));

        BigDecimal total = r.items().stream().map(i -> i.after().perHour()).reduce(BigDecimal.ZERO, BigDecimal::add);
        // 2 FARGATE tasks (0.024685) + the EC2 service (0) + one c5.large (0.085)
        assertEquals(0, new BigDecimal("0.109685").compareTo(total), total::toPlainString);
    }

    @Test
    void anInstanceWithoutAKnownPriceIsNamedNotCountedAsZero() {
        ResourceInstanceAddr odd = ResourceInstanceAddr.of("ecs_container_instance", "odd");
        ResourceInstanceAddr bare = ResourceInstanceAddr.of("ecs_container_instance", "bare");
        CostResponse r = price(subject(odd, null, instance("x9.huge")), subject(bare, instance(null), instance(null)));

        assertFalse(item(r, odd).after().known());
        assertEquals("instance type x9.huge is not in " + PriceBook.BUILT_IN, item(r, odd).after().unpriced());
        assertEquals("it has no ecs.instance-type attribute", item(r, bare).after().unpriced());
        assertEquals("untyped instance", item(r, bare).description());
    }

    @Test
    void aTaskDefinitionThePlanDoesNotHoldIsReadFromTheControlPlane() {
        world.put("other:7", Sizing.of(new TaskShape(2048, 4096, TaskShape.Arch.X86_64)));
        MapValue svc = service(Value.of("other:7"), Value.of(1), "FARGATE");
        CostItem web = item(price(subject(WEB, svc, svc)), WEB);

        assertEquals(List.of("other:7", "other:7"), lookedUp.subList(0, 2));
        // 2 x 0.04048 + 4 x 0.004445
        same("0.09874", web.after());
        assertEquals("1 task x 2 vCPU, 4 GB FARGATE", web.description());
    }

    @Test
    void aFargateTaskDefinitionWithoutATaskSizeCannotBePriced() {
        MapValue td = taskDefinition(Value.of(TD_ARN), null, "512", null);
        MapValue svc = service(Value.of(TD_ARN), Value.of(1), "FARGATE");
        CostItem web = item(price(unchangedTd(td), subject(WEB, svc, svc)), WEB);

        assertEquals("task definition web sets no task-level cpu", web.after().unpriced());
    }

    @Test
    void aDesiredCountKnownOnlyAfterApplyIsNotGuessed() {
        MapValue td = taskDefinition(Value.of(TD_ARN), "256", "512", null);
        CostItem web = item(price(unchangedTd(td), subject(WEB, null, service(Value.of(TD_ARN), Value.unknown(), "FARGATE"))), WEB);

        assertEquals("its desired count is known only after apply", web.after().unpriced());
    }

    @Test
    void aUserPriceListReplacesTheBuiltInOneAndABadOneIsAnErrorOnTheSetting() throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "fargate.vcpu 0.1\nfargate.gb 0.01\n");
        costs = new EcsCosts(PriceBook.file(dir.resolve("mine.txt"), "mine.txt"), ref -> Sizing.unknown("none"));
        MapValue td = taskDefinition(Value.of(TD_ARN), "256", "512", null);
        MapValue svc = service(Value.of(TD_ARN), Value.of(2), "FARGATE");
        ResourceInstanceAddr host = ResourceInstanceAddr.of("ecs_container_instance", "host");
        CostResponse r = price(unchangedTd(td), subject(WEB, svc, svc), subject(host, instance("t3.medium"), instance("t3.medium")));
        // 2 x (0.25 x 0.1 + 0.5 x 0.01) = 0.06
        same("0.06", item(r, WEB).after());
        assertEquals("instance type t3.medium is not in mine.txt", item(r, host).after().unpriced(),
                "the user's list is read instead of the built-in one, not on top of it");

        Files.writeString(dir.resolve("bad.txt"), "t3.medium 0.04\nm5.large\n");
        costs = new EcsCosts(PriceBook.file(dir.resolve("bad.txt"), "bad.txt"), ref -> Sizing.unknown("none"));
        CostResponse failed = price(unchangedTd(td));
        assertEquals(1, failed.diagnostics().size());
        assertTrue(failed.diagnostics().get(0).isError());
        assertTrue(failed.diagnostics().get(0).summary().startsWith("Invalid price list bad.txt:2:9: "),
                failed.diagnostics().get(0).summary());
        assertEquals(List.of("prices"), failed.diagnostics().get(0).path());
    }
}
