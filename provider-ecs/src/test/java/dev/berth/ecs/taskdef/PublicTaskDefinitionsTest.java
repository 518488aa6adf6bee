package dev.berth.ecs.taskdef;

import dev.berth.ecs.EcsProvider;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.store.SqliteEcsStore;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ForceNew;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import dev.berth.ecs.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forty task definitions written by others (PROVENANCE.md names each) registered through the
 * control plane's RegisterTaskDefinition as the AWS CLI would send them. Each either registers,
 * or is refused for exactly the fields the field table marks pending or refused, never for
 * anything else and never with an exception; the expectations come from the table, so they
 * follow it as fields become supported. Every file that registers then goes round: its
 * described containers registered again give the identical revision content, and an
 * {@code ecs_task_definition} made of them plans, applies and plans empty.
 */
class PublicTaskDefinitionsTest {
    private static final String TYPE = TaskDefinitionSchema.TYPE;

    @TempDir
    Path dir;

    @Test
    void everyFileRegistersOrIsRefusedOnlyForFieldsBerthDoesNotHonourYet() throws Exception {
        List<CorpusFile> files = CorpusFile.all();
        assertEquals(40, files.size(), "the corpus holds forty task definitions");
        List<String> problems = new ArrayList<>();
        Map<String, Integer> blockers = new TreeMap<>();
        List<CorpusFile> registered = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        try (SqliteEcsStore store = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            ControlPlane plane = new ControlPlane(store, host -> new FakeRuntime());
            for (CorpusFile f : files) {
                String outcome;
                try {
                    plane.registerTaskDefinition(f.request());
                    outcome = "registers";
                    if (!f.expectedRefusals().isEmpty() || !f.ecsRefusals().isEmpty()) {
                        problems.add(f.name() + " registered although it must be refused: " + f.expectedRefusals()
                                + f.ecsRefusals());
                    }
                    registered.add(f);
                } catch (EcsException e) {
                    Refusal r = Refusal.of(f, e.getMessage());
                    outcome = r.describe(f);
                    if (r.unexplained() != null) problems.add(f.name() + " refused for " + r.unexplained());
                    f.blockingFields().forEach(b -> blockers.merge(b, 1, Integer::sum));
                    r.values().forEach(v -> blockers.merge("(value) " + v, 1, Integer::sum));
                } catch (RuntimeException e) {
                    problems.add(f.name() + " threw " + e);
                    outcome = "threw " + e;
                }
                List<String> unknown = f.unknownKeys();
                table.append(String.format("%-48s %s%s%n", f.name(), outcome,
                        unknown.isEmpty() ? "" : " (keys ECS does not know: " + String.join(", ", unknown) + ")"));
            }
        }
        System.out.println(table);
        System.out.println(registered.size() + " of " + files.size() + " register today. Fields that block the rest "
                + "(files refused for each): " + blockers);
        assertEquals(List.of(), problems);
    }

    @Test
    void whatRegistersGoesRoundWithoutADiff() throws Exception {
        List<String> problems = new ArrayList<>();
        int round = 0;
        try (SqliteEcsStore store = SqliteEcsStore.open(dir.resolve("ecs.db"))) {
            ControlPlane plane = new ControlPlane(store, host -> new FakeRuntime());
            TaskDefinitionRegistry registry = new TaskDefinitionRegistry(store);
            try (EcsProvider provider = new EcsProvider(store, host -> new FakeRuntime())) {
                for (CorpusFile f : CorpusFile.all()) {
                    TaskDefinition first;
                    try {
                        first = plane.registerTaskDefinition(f.request()).taskDefinition();
                    } catch (EcsException e) {
                        continue; // refused: the test above says whether for the right reasons
                    }
                    TaskDefinition described = plane.describeTaskDefinition(
                            new DescribeTaskDefinitionRequest(first.taskDefinitionArn(), null)).taskDefinition();
                    TaskDefinition again = plane.registerTaskDefinition(asRequest(described)).taskDefinition();
                    String same = sameContent(registry.find(first.taskDefinitionArn()).orElseThrow(),
                            registry.find(again.taskDefinitionArn()).orElseThrow());
                    if (same != null) problems.add(f.name() + ": registering the described revision again " + same);
                    round++;
                    String unresolvable = unresolvableSecret(described);
                    if (unresolvable != null) {
                        // ECS registers any valueFrom; a configuration naming one no store can hold
                        // must fail its plan, so this file stops at the register round trip.
                        System.out.println(f.name() + ": registers; its plan must refuse secret " + unresolvable);
                        continue;
                    }
                    String plan = planApplyPlan(provider, described);
                    if (plan != null) problems.add(f.name() + ": " + plan);
                }
            }
        }
        System.out.println(round + " registered task definitions went round (describe, register again, plan/apply/plan)");
        assertTrue(round > 0, "some files register");
        assertEquals(List.of(), problems);
    }

    /** The first secret reference (valueFrom, of a secret or a log secret option) no secret store can hold, such as an unrendered template. */
    private static String unresolvableSecret(TaskDefinition td) {
        for (Map<String, Object> c : td.containerDefinitions()) {
            List<Object> all = new ArrayList<>();
            if (c.get("secrets") instanceof List<?> secrets) all.addAll(secrets);
            if (c.get("logConfiguration") instanceof Map<?, ?> log && log.get("secretOptions") instanceof List<?> so) {
                all.addAll(so);
            }
            for (Object o : all) {
                Object ref = o instanceof Map<?, ?> m ? m.get("valueFrom") : null;
                try {
                    dev.berth.ecs.secret.ValueFrom.parse(String.valueOf(ref));
                } catch (dev.berth.ecs.secret.SecretException e) {
                    return String.valueOf(ref);
                }
            }
        }
        return null;
    }

    /** A DescribeTaskDefinition answer as the RegisterTaskDefinition request that would make it again. */
    private static RegisterTaskDefinitionRequest asRequest(TaskDefinition td) {
        return new RegisterTaskDefinitionRequest(td.family(), td.taskRoleArn(), td.executionRoleArn(), td.networkMode(),
                td.containerDefinitions(), td.volumes(), td.requiresCompatibilities(), td.cpu(), td.memory(), null, null,
                td.placementConstraints(), td.pidMode(), td.ipcMode(), td.proxyConfiguration(),
                td.inferenceAccelerators(), td.ephemeralStorage(), td.runtimePlatform(), td.enableFaultInjection());
    }

    /** Null when two revisions hold the same content, else what differs. */
    private static String sameContent(TaskDefinitionRow a, TaskDefinitionRow b) {
        Map<String, List<Object>> fields = new TreeMap<>();
        fields.put("containerDefinitions", java.util.Arrays.asList(a.containerDefinitions(), b.containerDefinitions()));
        fields.put("taskFields", java.util.Arrays.asList(a.taskFields(), b.taskFields()));
        fields.put("cpu", java.util.Arrays.asList(a.cpu(), b.cpu()));
        fields.put("memory", java.util.Arrays.asList(a.memory(), b.memory()));
        fields.put("networkMode", java.util.Arrays.asList(a.networkMode(), b.networkMode()));
        fields.put("requiresCompatibilities", java.util.Arrays.asList(a.requiresCompatibilities(),
                b.requiresCompatibilities()));
        fields.put("roles", java.util.Arrays.asList(a.executionRoleArn() + " " + a.taskRoleArn(),
                b.executionRoleArn() + " " + b.taskRoleArn()));
        for (Map.Entry<String, List<Object>> e : fields.entrySet()) {
            if (!java.util.Objects.equals(e.getValue().get(0), e.getValue().get(1))) {
                return "changes " + e.getKey() + ": " + e.getValue().get(0) + " became " + e.getValue().get(1);
            }
        }
        return null;
    }

    /** Null when an ecs_task_definition of the described revision plans, applies and then plans no change. */
    private static String planApplyPlan(EcsProvider provider, TaskDefinition td) {
        Map<String, Value> m = new HashMap<>(TaskLevelConfig.state(td));
        m.put("family", Value.of(td.family()));
        m.put("cpu", text(td.cpu()));
        m.put("memory", text(td.memory()));
        m.put("network_mode", text(td.networkMode()));
        m.put("requires_compatibilities", td.requiresCompatibilities() == null ? Value.nil()
                : Value.list(td.requiresCompatibilities().stream().map(Value::of).toList()));
        m.put("execution_role_arn", text(td.executionRoleArn()));
        m.put("task_role_arn", text(td.taskRoleArn()));
        m.put("container_definitions", Value.of(Json.write(td.containerDefinitions())));
        m.put("container", Value.list(List.of()));
        MapValue config = new MapValue(m);
        ResourceInstanceAddr addr = ResourceInstanceAddr.of(TYPE, "corpus");
        PlanResponse plan = provider.plan(new PlanRequest(addr, TYPE, null, config));
        if (!errors(plan.diagnostics()).isEmpty()) return "the first plan fails: " + errors(plan.diagnostics());
        ApplyResponse applied = provider.apply(new ApplyRequest(addr, TYPE, null, plan.planned(), config));
        if (!errors(applied.diagnostics()).isEmpty()) return "the apply fails: " + errors(applied.diagnostics());
        MapValue state = provider.read(new ReadRequest(addr, TYPE, applied.newState())).state();
        assertNotNull(state, "the applied revision reads back");
        if (!state.equals(applied.newState())) return "the refresh after apply changes the state";
        PlanResponse next = provider.plan(new PlanRequest(addr, TYPE, state, config));
        List<List<Object>> changed = ForceNew.changedPaths(provider.resourceSchemas().get(TYPE).body(), state,
                next.planned());
        if (!next.planned().equals(state) || !changed.isEmpty()) {
            return "the plan after apply is not empty: " + changed;
        }
        return null;
    }

    private static List<String> errors(List<ProviderDiagnostic> diags) {
        return diags.stream().filter(ProviderDiagnostic::isError).map(ProviderDiagnostic::summary).toList();
    }

    private static Value text(String s) {
        return s == null ? Value.nil() : Value.of(s);
    }

    /**
     * The FireLens files ECS refuses only for their placeholder roles: with the roles made roles,
     * each registers and plans, applies and plans empty, except the two whose router reads its
     * configuration from S3, which berth refuses by name. (06's and 21's secret options name
     * template placeholders no secret store can hold, so they stop once registered.)
     */
    @Test
    void theFirelensFilesRegisterOnceTheirRolesAreRoles() throws Exception {
        List<String> firelens = List.of("06-agent-firelens-fluentbit.json", "16-firelens-cloudwatch.json",
                "20-firelens-emf-bridge-links.json", "21-firelens-datadog-secret-options.json");
        List<String> problems = new ArrayList<>();
        try (SqliteEcsStore store = SqliteEcsStore.open(dir.resolve("ecs.db"));
             EcsProvider provider = new EcsProvider(store, host -> new FakeRuntime())) {
            ControlPlane plane = new ControlPlane(store, host -> new FakeRuntime());
            for (String name : firelens) {
                TaskDefinition td;
                try {
                    td = plane.registerTaskDefinition(withRoles(name)).taskDefinition();
                } catch (EcsException e) {
                    problems.add(name + " is refused: " + e.getMessage());
                    continue;
                }
                if (unresolvableSecret(td) != null) continue;
                String plan = planApplyPlan(provider, td);
                if (plan != null) problems.add(name + ": " + plan);
            }
            for (String s3 : List.of("18-firelens-tail-shared-volume.json", "19-firelens-fluentd-multiline.json")) {
                try {
                    plane.registerTaskDefinition(withRoles(s3));
                    problems.add(s3 + " registered although its router reads its configuration from S3");
                } catch (EcsException e) {
                    assertTrue(e.getMessage().contains("berth cannot honour firelensConfiguration option "
                            + "config-file-type \"s3\""), e.getMessage());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The file's request with every role replaced by a role's ARN, as a user would fill the placeholders in. */
    private static RegisterTaskDefinitionRequest withRoles(String name) throws Exception {
        CorpusFile f = CorpusFile.read(CorpusFile.DIR.resolve(name));
        com.fasterxml.jackson.databind.node.ObjectNode input = f.input().deepCopy();
        for (String role : List.of("taskRoleArn", "executionRoleArn")) {
            if (input.has(role)) input.put(role, "arn:aws:iam::000000000000:role/" + role);
        }
        return dev.berth.ecs.api.EcsJson.read(Json.write(input), RegisterTaskDefinitionRequest.class);
    }

    @Test
    void theTableDecidesTheExpectation() throws Exception {
        // A file with a field the table does not honour must be expected to be refused for it,
        // or the test above could not fail when berth silently drops such a field.
        CorpusFile links = CorpusFile.read(CorpusFile.DIR.resolve("07-agent-network-link.json"));
        boolean linksHonoured = dev.berth.ecs.taskdef.fields.ContainerFields.field("links").support().supported();
        assertEquals(!linksHonoured, links.blockingFields().contains("links"));
        CorpusFile plain = CorpusFile.read(CorpusFile.DIR.resolve("01-agent-simple-exit.json"));
        assertTrue(plain.expectedRefusals().isEmpty(), "a definition of supported fields only is expected to register");
        CorpusFile export = CorpusFile.read(CorpusFile.DIR.resolve("34-actions-depromeet-console-export.json"));
        assertFalse(export.input().has("taskDefinitionArn"), "describe-only keys are dropped as the deploy action drops them");
    }
}
