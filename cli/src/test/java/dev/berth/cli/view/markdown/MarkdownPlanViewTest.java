package dev.berth.cli.view.markdown;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownPlanViewTest {

    private static MapValue obj(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Value val ? val : v instanceof Integer n ? Value.of(n) : Value.of((String) v));
        }
        return new MapValue(m);
    }

    private static ResourceChange change(String name, Action action, MapValue before, MapValue after) {
        return new ResourceChange(ResourceInstanceAddr.of("ecs_service", name), "registry.berth.dev/berth/ecs", action,
                before, after, List.of(), ActionReason.NONE);
    }

    private static Plan plan(List<ResourceChange> changes, List<ResourceChange> drift) {
        return new Plan(Plan.Mode.NORMAL, StateSnapshot.empty("lineage"), Map.of(), changes, List.of(), drift);
    }

    /** A service whose cpu_shares drifted and is planned back, plus one to create. */
    private static Plan driftAndChanges() {
        MapValue stored = obj("name", "web", "cpu_shares", 128);
        MapValue drifted = obj("name", "web", "cpu_shares", 512);
        return plan(List.of(change("web", Action.UPDATE, drifted, stored),
                        change("api", Action.CREATE, null, obj("name", "api"))),
                List.of(change("web", Action.UPDATE, stored, drifted)));
    }

    @Test
    void showsTitleCountsAddressesAndCollapsedDiffsWithoutAnsi() {
        String md = new MarkdownPlanView().render(driftAndChanges(), "berth");
        assertTrue(md.startsWith("## berth plan\n"), md);
        assertTrue(md.contains("**1** to add, **1** to change, **0** to destroy, **1** drifted."), md);
        assertTrue(md.contains("### Changed outside berth\n\n- `ecs_service.web` has changed\n"), md);
        assertTrue(md.contains("- `ecs_service.api` will be created\n"), md);
        assertTrue(md.contains("- `ecs_service.web` will be updated in-place\n"), md);
        assertTrue(md.contains("<details><summary>Drift: <code>ecs_service.web</code></summary>"), md);
        assertTrue(md.contains("```diff\n"), md);
        assertTrue(md.matches("(?s).*\\n! +cpu_shares = 128 -> 512\\n.*"), md);
        assertTrue(md.matches("(?s).*\\n! +cpu_shares = 512 -> 128\\n.*"), md);
        assertTrue(md.matches("(?s).*\\n\\+ +resource \"ecs_service\" \"api\" \\{\\n.*"), md);
        assertFalse(md.contains("\u001b"), "no ANSI escapes");
        assertEquals(3, md.split("<details>", -1).length - 1, "one section per drifted and per changed resource");
        assertEquals(md.split("<details>", -1).length, md.split("</details>", -1).length, "every section closed");
    }

    @Test
    void sensitiveValuesNeverAppear() {
        MapValue before = obj("name", "db", "password", Value.sensitive(Value.of("hunter2-old")));
        MapValue after = obj("name", "db", "password", Value.sensitive(Value.of("hunter2-new")));
        Plan plan = plan(List.of(change("db", Action.UPDATE, before, after)),
                List.of(change("db", Action.UPDATE, after, before)));
        String md = new MarkdownPlanView().render(plan, "berth");
        assertFalse(md.contains("hunter2"), md);
        assertTrue(md.contains("(sensitive value)"), md);
    }

    @Test
    void noChangesSaysSo() {
        String md = new MarkdownPlanView().render(plan(List.of(), List.of()), "berth");
        assertTrue(md.contains("**No changes.**"), md);
        assertFalse(md.contains("<details>"), md);
    }

    /** Many resources with long values: far more than the limit allows. */
    private static Plan huge(int count) {
        List<ResourceChange> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            changes.add(change("svc_" + i, Action.CREATE, null, obj("name", "svc-" + i, "blob", "x".repeat(300))));
        }
        return plan(changes, List.of());
    }

    @Test
    void aLongPlanDropsWholeDiffsAndSaysHowManyWithinTheLimit() {
        String md = new MarkdownPlanView().render(huge(400), "berth");
        assertTrue(md.length() <= MarkdownPlanView.LIMIT, "length " + md.length());
        int shown = md.split("<details>", -1).length - 1;
        assertTrue(shown > 0 && shown < 400, "some diffs kept, not all: " + shown);
        assertEquals(md.split("<details>", -1).length, md.split("</details>", -1).length, "no section cut open");
        assertTrue(md.contains("_" + (400 - shown) + " of 400 diffs omitted to stay within 60000 characters;"), md);
        assertTrue(md.contains("- `ecs_service.svc_399` will be created\n"), "every address still listed");
        assertEquals(md.split("```diff", -1).length - 1, (md.split("\n```\n", -1).length - 1), "every fence closed");
    }

    @Test
    void evenTheAddressListIsCutAtWholeLinesWithACount() {
        MarkdownPlanView small = new MarkdownPlanView(2_000);
        String md = small.render(huge(200), "berth");
        assertTrue(md.length() <= 2_000, "length " + md.length());
        for (String line : md.split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("#") || line.startsWith("**") || line.startsWith("_")
                    || line.matches("- `ecs_service\\.svc_\\d+` will be created"), "whole line: " + line);
        }
        assertTrue(md.matches("(?s).*_\\d+ more addresses not listed: the plan is too long for one comment\\._\\n.*"), md);
        assertTrue(md.contains("_200 of 200 diffs omitted"), md);
    }

    @Test
    void diffLinesMoveTheirSymbolToTheFirstColumn() {
        assertEquals("!         cpu = 1 -> 2", DiffFence.line("        ~ cpu = 1 -> 2"));
        assertEquals("!   name = \"x\"", DiffFence.line("  ~ name = \"x\""));
        assertEquals("+   name = \"x\"", DiffFence.line("  + name = \"x\""));
        assertEquals("-   name = \"x\"", DiffFence.line("  - name = \"x\""));
        assertEquals("! resource \"a\" \"b\" {", DiffFence.line("-/+ resource \"a\" \"b\" {"));
        assertEquals("    name = \"x\"", DiffFence.line("    name = \"x\""));
        assertEquals("````diff", DiffFence.lines("a = \"```\"").get(0), "the fence outlasts backticks inside");
    }
}
