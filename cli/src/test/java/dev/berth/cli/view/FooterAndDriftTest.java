package dev.berth.cli.view;

import dev.berth.engine.plan.Action;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.cli.view.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FooterAndDriftTest {

    private final PlanRenderer renderer = new PlanRenderer();
    private static final String RULE = "─".repeat(77);

    @Test
    void unsavedPlanNoteNamesTheToolsApplyCommand() {
        assertEquals("\n" + RULE + "\n\nNote: You didn't use the -out option to save this plan, so berth can't\n"
                + "guarantee to take exactly these actions if you run \"berth apply\" now.\n",
                renderer.renderFooter(null, RenderOptions.plain()));
    }

    @Test
    void savedPlanFooterSaysHowToApplyIt() {
        assertEquals("\n" + RULE + "\n\nSaved the plan to: p\n\n"
                + "To perform exactly these actions, run the following command to apply:\n    berth apply \"p\"\n",
                renderer.renderFooter("p", RenderOptions.plain()));
    }

    @Test
    void driftSectionStandsAloneAndEndsWithTheRule() {
        String out = renderer.renderDrift(List.of(
                change(addr("ecs_service", "web"), Action.UPDATE, obj("id", "a", "n", 1), obj("id", "a", "n", 2)),
                change(addr("ecs_service", "same"), Action.NO_OP, obj("id", "b"), obj("id", "b"))),
                RenderOptions.plain());

        assertTrue(out.startsWith("\nNote: Objects have changed outside of berth\n\n"), out);
        assertTrue(out.contains("  # ecs_service.web has changed\n  ~ resource \"ecs_service\" \"web\" {\n"));
        assertTrue(out.endsWith("actions to undo or respond to these changes.\n\n" + RULE + "\n"), out);
        assertEquals(-1, out.indexOf("ecs_service.same"));
        assertEquals("", renderer.renderDrift(List.of(), RenderOptions.plain()));
    }
}
