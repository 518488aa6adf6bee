package dev.berth.cli.view;

import dev.berth.cli.view.markdown.MarkdownPlanView;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.Fold;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runtime attributes leave the diff for one line; drift still shows them in full. */
class FoldViewTest {
    private static final ResourceInstanceAddr WEB = ResourceInstanceAddr.of("ecs_service", "web");
    private static final Fold FOLD = new Fold(List.of("endpoints", "events", "running_count", "tasks"), "2 tasks will start");

    private static MapValue service(int count, List<Value> tasks, Value endpoints) {
        return new MapValue(Map.of("name", Value.of("web"), "desired_count", Value.of(count),
                "running_count", Value.of(count), "tasks", Value.list(tasks), "endpoints", endpoints,
                "events", Value.list(List.of(Value.of("steady")))));
    }

    private static Value task(String arn) {
        return new MapValue(Map.of("arn", arn == null ? Value.unknown() : Value.of(arn), "last_status", Value.of("RUNNING")));
    }

    private final MapValue before = service(2, List.of(task("t1"), task("t2")),
            Value.list(List.of(Value.of("127.0.0.1:1"), Value.of("127.0.0.1:2"))));
    private final MapValue after = service(4, List.of(task("t1"), task("t2"), task(null), task(null)),
            Value.list(List.of(Value.of("127.0.0.1:1"), Value.of("127.0.0.1:2"), Value.unknown(), Value.unknown())))
            .with("events", Value.unknown());

    @Test
    void aScaleShowsTheCountAndOneLineForTheTasks() {
        ResourceChange c = new ResourceChange(WEB, "ecs", Action.UPDATE, before, after, List.of(), ActionReason.NONE,
                null, List.of(), null, FOLD);
        String text = new PlanRenderer().plainResource(c, false);
        assertEquals(String.join("\n",
                "  # ecs_service.web will be updated in-place",
                "  ~ resource \"ecs_service\" \"web\" {",
                "      ~ desired_count = 2 -> 4",
                "        name          = \"web\"",
                "        # 2 tasks will start",
                "    }"), text);
    }

    @Test
    void withoutASummaryTheFoldCountsWhatItHid() {
        ResourceChange c = new ResourceChange(WEB, "ecs", Action.DELETE, before, null, List.of(), ActionReason.NONE,
                null, List.of(), null, new Fold(FOLD.attributes(), null));
        String text = new PlanRenderer().plainResource(c, false);
        assertTrue(text.contains("# (4 attributes observed at run time hidden)"), text);
        assertFalse(text.contains("tasks"), text);
    }

    @Test
    void aBlockTypeWithoutElementsIsNotPrinted() {
        MapValue created = new MapValue(Map.of("name", Value.of("web"), "volume", Value.list(List.of())));
        ResourceChange c = new ResourceChange(WEB, "ecs", Action.CREATE, null, created, List.of(), ActionReason.NONE,
                null, List.of(), null, new Fold(List.of(), null, List.of("volume")));
        String text = new PlanRenderer().plainResource(c, false);
        assertFalse(text.contains("volume"), text);
        assertTrue(text.contains("+ name = \"web\""), text);
    }

    @Test
    void driftIsNotFolded() {
        ResourceChange c = new ResourceChange(WEB, "ecs", Action.UPDATE, before, before.with("running_count", Value.of(1)),
                List.of(), ActionReason.NONE, null, List.of(), null, FOLD);
        String text = new PlanRenderer().plainResource(c, true);
        assertTrue(text.contains("~ running_count = 2 -> 1"), text);
        assertFalse(text.contains("will start"), text);
    }

    @Test
    void theMarkdownSummaryFoldsAsTheHumanPlanDoes() {
        ResourceChange c = new ResourceChange(WEB, "ecs", Action.UPDATE, before, after, List.of(), ActionReason.NONE,
                null, List.of(), null, FOLD);
        Plan plan = new Plan(Plan.Mode.NORMAL, StateSnapshot.empty("x"), Map.of(), List.of(c), List.of(), List.of());
        String md = new MarkdownPlanView().render(plan, "berth");
        assertTrue(md.contains("# 2 tasks will start"), md);
        assertFalse(md.contains("127.0.0.1"), md);
        assertFalse(md.contains("t1"), md);
    }
}
