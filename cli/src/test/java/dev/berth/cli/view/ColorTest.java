package dev.berth.cli.view;

import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.cli.view.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColorTest {

    private final Plan plan = plan(List.of(
            change(addr("ecs_service", "new"), Action.CREATE, null, obj("name", "new")),
            change(addr("ecs_service", "web"), Action.UPDATE, obj("id", "a", "count", 1), obj("id", "a", "count", 2)),
            change(addr("ecs_service", "old"), Action.DELETE, obj("id", "o"), null),
            change(addr("ecs_task_definition", "web"), Action.DELETE_THEN_CREATE, obj("cpu", 1), obj("cpu", 2),
                    List.of(List.of("cpu")), ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE)),
            List.of());

    @Test
    void colouredOutputUsesTerraformsAnsiCodes() {
        String out = new PlanRenderer().render(plan, RenderOptions.colored());

        assertTrue(out.contains("  \u001b[32m+\u001b[0m create"), "green + in legend");
        assertTrue(out.contains("  \u001b[33m~\u001b[0m update in-place"), "yellow ~ in legend");
        assertTrue(out.contains("  \u001b[31m-\u001b[0m destroy"), "red - in legend");
        assertTrue(out.contains("\u001b[31m-\u001b[0m/\u001b[32m+\u001b[0m resource \"ecs_task_definition\""));
        assertTrue(out.contains("\u001b[1m  # ecs_service.new\u001b[0m will be created"), "bold heading");
        assertTrue(out.contains("\u001b[31m# forces replacement\u001b[0m"), "red forces replacement");
        assertTrue(out.contains("\u001b[1mPlan:\u001b[0m 2 to add"), "bold Plan:");
    }

    @Test
    void plainOutputHasNoEscapeCodesAndSameTextOnceStripped() {
        String plain = new PlanRenderer().render(plan, RenderOptions.plain());
        String colored = new PlanRenderer().render(plan, RenderOptions.colored());

        assertFalse(plain.contains("\u001b"));
        assertEquals(plain, colored.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void diagnosticsAreBorderedInColourAndPlainWithout() {
        var diags = List.of(dev.berth.engine.diag.Diagnostic.error("Bad", "Detail.", dev.berth.engine.diag.SourceRange.NONE),
                dev.berth.engine.diag.Diagnostic.warning("Careful", "", dev.berth.engine.diag.SourceRange.NONE));
        var files = new dev.berth.engine.diag.SourceFiles();

        String colored = new DiagnosticRenderer().render(diags, files, true);
        String plain = new DiagnosticRenderer().render(diags, files, false);

        assertTrue(colored.contains("\u001b[31m│\u001b[0m \u001b[1m\u001b[31mError: \u001b[0m\u001b[1mBad\u001b[0m"));
        assertTrue(colored.contains("\u001b[33m│\u001b[0m \u001b[1m\u001b[33mWarning: "));
        // Terraform's plain form: a diagnostic without detail still ends with a blank line.
        assertEquals("\nError: Bad\n\nDetail.\n\nWarning: Careful\n\n", plain);
        // and its bordered one: the rule alone on an empty line, no space after it.
        assertTrue(colored.contains("\u001b[31m│\u001b[0m\n\u001b[31m│\u001b[0m Detail.\n"), colored);
    }
}
