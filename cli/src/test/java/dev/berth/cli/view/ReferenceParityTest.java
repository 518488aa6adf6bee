package dev.berth.cli.view;

import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.value.MapValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.cli.view.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rebuilds the plans behind the Terraform reference outputs and renders them under the name
 * "Terraform": the text must be byte-for-byte what Terraform printed, except that the secret
 * Terraform leaked in 03 stays hidden.
 */
class ReferenceParityTest {

    private static final RenderOptions AS_TERRAFORM = new RenderOptions(false, "Terraform");

    @Test
    void createPlanMatchesReference01() {
        MapValue web = obj("cpu", 256, "desired_count", 2, "family", "web", "memory", 512, "token", secret("s3cret"));
        Plan plan = plan(List.of(
                change(addr("terraform_data", "worker", 1), Action.CREATE, null,
                        obj("id", UNKNOWN, "input", "worker-1", "output", UNKNOWN, "triggers_replace", list("v1"))),
                change(addr("terraform_data", "old"), Action.CREATE, null,
                        obj("id", UNKNOWN, "input", "legacy", "output", UNKNOWN, "triggers_replace", null)),
                change(addr("terraform_data", "web"), Action.CREATE, null,
                        obj("id", UNKNOWN, "input", web, "output", UNKNOWN, "triggers_replace", null)),
                change(addr("terraform_data", "worker", 0), Action.CREATE, null,
                        obj("id", UNKNOWN, "input", "worker-0", "output", UNKNOWN, "triggers_replace", list("v1")))),
                List.of(output("web_family", Action.CREATE, null, UNKNOWN)));

        assertEquals(golden("reference-01-create.txt"), new PlanRenderer().render(plan, AS_TERRAFORM));
    }

    @Test
    void updateReplaceDestroyMatchesReference03WithoutTheLeak() {
        MapValue before = obj("cpu", 256, "desired_count", 2, "family", "web", "memory", 512, "token", secret("s3cret"));
        MapValue after = obj("cpu", 256, "desired_count", 3, "family", "web", "memory", 512, "token", secret("s3cret"));
        Plan plan = plan(List.of(
                change(addr("terraform_data", "old"), Action.DELETE,
                        obj("id", "…", "input", "legacy", "output", "legacy", "triggers_replace", null), null,
                        List.of(), ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG),
                change(addr("terraform_data", "web"), Action.UPDATE,
                        obj("id", "…", "input", before, "output", before, "triggers_replace", null),
                        obj("id", "…", "input", after, "output", UNKNOWN, "triggers_replace", null)),
                change(addr("terraform_data", "worker", 0), Action.DELETE_THEN_CREATE,
                        obj("id", "…", "input", "worker-0", "output", "worker-0", "triggers_replace", list("v1")),
                        obj("id", UNKNOWN, "input", "worker-0", "output", UNKNOWN, "triggers_replace", list("v2")),
                        List.of(), ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE),
                change(addr("terraform_data", "worker", 1), Action.DELETE,
                        obj("id", "…", "input", "worker-1", "output", "worker-1", "triggers_replace", list("v1")), null,
                        List.of(), ActionReason.DELETE_BECAUSE_COUNT_INDEX)),
                List.of(output("web_family", Action.UPDATE, "web", UNKNOWN)));

        assertEquals(golden("reference-03-update-replace-destroy.txt"), new PlanRenderer().render(plan, AS_TERRAFORM));
    }

    @Test
    void noChangesMatchesReference06() {
        Plan plan = plan(List.of(change(addr("terraform_data", "web"), Action.NO_OP, obj("id", "x"), obj("id", "x"))),
                List.of(output("web_family", Action.NO_OP, "web", "web")));

        assertEquals(golden("reference-06-no-changes.txt"), new PlanRenderer().render(plan, AS_TERRAFORM));
    }
}
