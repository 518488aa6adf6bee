package dev.berth.cli.view;

import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.value.MapValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.cli.view.Fixtures.*;

/** berth's own plans, rendered plain, against golden files written to Terraform's rules. */
class PlanGoldenTest {

    private final PlanRenderer renderer = new PlanRenderer();

    private static final String CONTAINERS_V1 = "[{\"name\":\"web\",\"image\":\"nginx:1.25\",\"cpu\":256,"
            + "\"essential\":true,\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}],"
            + "\"environment\":[{\"name\":\"MODE\",\"value\":\"prod\"}]}]";
    private static final String CONTAINERS_V2 = "[{\"name\":\"web\",\"image\":\"nginx:1.27\",\"cpu\":256,"
            + "\"essential\":true,\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}],"
            + "\"environment\":[{\"name\":\"MODE\",\"value\":\"prod\"},{\"name\":\"DEBUG\",\"value\":\"0\"}]}]";

    @Test
    void createWithNestedObjectListAndSensitiveField() {
        Plan plan = plan(List.of(
                change(addr("ecs_service", "web"), Action.CREATE, null, obj(
                        "id", UNKNOWN, "name", "web", "desired_count", 2, "cluster", "default",
                        "launch_type", null,
                        "load_balancer", obj("container_name", "web", "container_port", 8080),
                        "environment", obj("LOG_LEVEL", "info", "API_TOKEN", secret("t0ken")),
                        "ports", list("80", "443"),
                        "tags", obj("team", "core"))),
                change(addr("ecs_task_definition", "web"), Action.CREATE, null, obj(
                        "arn", UNKNOWN, "family", "web", "container_definitions", CONTAINERS_V1,
                        "user_data", "#!/bin/sh\necho hello\nexit 0\n"))),
                List.of(output("service_url", Action.CREATE, null, UNKNOWN),
                        output("family", Action.CREATE, null, "web"),
                        new OutputChange("token", Action.CREATE, null, v("t0ken"), true)));

        Golden.assertMatches("create.txt", renderer.render(plan, RenderOptions.plain()));
    }

    @Test
    void updateInPlaceHidesUnchangedButKeepsIdentifyingAttributes() {
        MapValue before = obj("id", "svc-123", "name", "web", "cluster", "default", "desired_count", 2,
                "image", "nginx:1.25", "launch_type", "EC2", "platform", "linux", "api_key", secret("old"),
                "environment", obj("LOG_LEVEL", "info", "MODE", "prod", "REGION", "eu"),
                "ports", list("80", "443", "8080", "8443", "9000", "9090"),
                "tags", obj("team", "core"),
                "command", "set -e\nmigrate\nserve --port 80\n");
        MapValue after = obj("id", "svc-123", "name", "web", "cluster", "default", "desired_count", 3,
                "image", "nginx:1.27", "launch_type", "EC2", "platform", "linux", "api_key", secret("new"),
                "environment", obj("LOG_LEVEL", "debug", "MODE", "prod", "REGION", "eu"),
                "ports", list("80", "443", "8080", "8443", "9000", "9090", "9443"),
                "tags", obj("team", "core"),
                "command", "set -e\nmigrate\nserve --port 8080\n");
        Plan plan = plan(List.of(change(addr("ecs_service", "web"), Action.UPDATE, before, after)), List.of());

        Golden.assertMatches("update.txt", renderer.render(plan, RenderOptions.plain()));
    }

    @Test
    void replacementsShowWhichAttributeForcesThem() {
        MapValue tdBefore = obj("arn", "arn:td:web:1", "family", "web", "cpu", 256, "container_definitions", CONTAINERS_V1);
        MapValue tdAfter = obj("arn", UNKNOWN, "family", "web", "cpu", 512, "container_definitions", CONTAINERS_V2);
        MapValue svc = obj("id", "svc-9", "name", "api", "desired_count", 1);
        MapValue svcAfter = obj("id", UNKNOWN, "name", "api", "desired_count", 1);
        Plan plan = plan(List.of(
                change(addr("ecs_task_definition", "web"), Action.DELETE_THEN_CREATE, tdBefore, tdAfter,
                        List.of(List.of("cpu"), List.of("container_definitions")), ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE),
                change(addr("ecs_service", "api"), Action.CREATE_THEN_DELETE, svc, svcAfter,
                        List.of(), ActionReason.REPLACE_BECAUSE_TAINTED),
                change(addr("ecs_service", "batch"), Action.DELETE_THEN_CREATE,
                        obj("id", "svc-7", "name", "batch"), obj("id", UNKNOWN, "name", "batch"),
                        List.of(), ActionReason.REPLACE_BY_REQUEST)),
                List.of());

        Golden.assertMatches("replace.txt", renderer.render(plan, RenderOptions.plain()));
    }

    @Test
    void deletesSayWhyAndEndInNull() {
        Plan plan = plan(Plan.Mode.NORMAL, List.of(
                change(addr("ecs_service", "old"), Action.DELETE,
                        obj("id", "svc-1", "name", "old", "ports", list("80"), "environment", obj("A", "1"),
                                "secret", secret("x"), "cluster", null),
                        null, List.of(), ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG),
                change(addr("ecs_service", "worker", 1), Action.DELETE,
                        obj("id", "svc-2", "name", "worker-1"), null, List.of(), ActionReason.DELETE_BECAUSE_COUNT_INDEX),
                change(addr("ecs_service", "by_key", "b"), Action.DELETE,
                        obj("id", "svc-3", "name", "b"), null, List.of(), ActionReason.DELETE_BECAUSE_EACH_KEY)),
                List.of(output("old_id", Action.DELETE, "svc-1", null)), List.of());

        Golden.assertMatches("delete.txt", renderer.render(plan, RenderOptions.plain()));
    }

    @Test
    void outputChangesAloneAreExplained() {
        Plan plan = plan(List.of(), List.of(
                output("added", Action.CREATE, null, list("a", "b")),
                output("changed_value", Action.UPDATE, "web", "api"),
                output("removed", Action.DELETE, obj("cpu", 256), null),
                output("same", Action.NO_OP, "x", "x"),
                new OutputChange("secret", Action.UPDATE, v("a"), v("b"), true)));

        Golden.assertMatches("outputs-only.txt", renderer.render(plan, RenderOptions.plain()));
    }

    @Test
    void noChangesInEachMode() {
        String normal = renderer.render(plan(List.of(), List.of()), RenderOptions.plain());
        String destroy = renderer.render(plan(Plan.Mode.DESTROY, List.of(), List.of(), List.of()), RenderOptions.plain());
        String refresh = renderer.render(plan(Plan.Mode.REFRESH_ONLY, List.of(), List.of(), List.of()), RenderOptions.plain());

        Golden.assertMatches("no-changes.txt", normal + "====\n" + destroy + "====\n" + refresh);
    }

    @Test
    void driftPrecedesThePlan() {
        MapValue was = obj("id", "svc-123", "name", "web", "desired_count", 2, "cluster", "default");
        MapValue now = obj("id", "svc-123", "name", "web", "desired_count", 5, "cluster", "default");
        Plan plan = plan(Plan.Mode.NORMAL,
                List.of(change(addr("ecs_service", "web"), Action.UPDATE, now, was),
                        change(addr("ecs_service", "gone"), Action.CREATE, null, obj("id", UNKNOWN, "name", "gone"))),
                List.of(),
                List.of(change(addr("ecs_service", "web"), Action.UPDATE, was, now),
                        change(addr("ecs_service", "gone"), Action.DELETE, obj("id", "svc-5", "name", "gone"), null)));

        Golden.assertMatches("drift.txt", renderer.render(plan, RenderOptions.plain()));
    }

    @Test
    void jsonStringsAreDiffedStructurally() {
        Plan plan = plan(List.of(change(addr("ecs_task_definition", "web"), Action.UPDATE,
                obj("arn", "arn:td:web:1", "container_definitions", CONTAINERS_V1, "policy", "{\"a\": 1}"),
                obj("arn", "arn:td:web:1", "container_definitions", CONTAINERS_V2, "policy", "{\"a\":1}"))),
                List.of());

        Golden.assertMatches("json-diff.txt", renderer.render(plan, RenderOptions.plain()));
    }
}
