package dev.berth.engine.plan;

import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.berth.engine.testkit.TestEngine.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {
    static final String TWO_THINGS = """
            resource "fake_thing" "a" {
              name = "a"
              size = 2
            }
            resource "fake_thing" "b" {
              name = "b-${fake_thing.a.id}"
              size = fake_thing.a.size + 1
            }
            """;

    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
    }

    @Test
    void createPlanFollowsReferencesAndLeavesTheUnknownIdForApply() {
        engine.configure(TWO_THINGS);

        Plan plan = engine.plan();

        ResourceChange a = change(plan, "fake_thing.a");
        ResourceChange b = change(plan, "fake_thing.b");
        assertEquals(Action.CREATE, a.action());
        assertEquals(Action.CREATE, b.action());
        assertNull(a.before());
        assertEquals(Value.of(2), a.after().get("size"));
        assertInstanceOf(UnknownValue.class, a.after().get("id"));
        assertEquals(Value.of(3), b.after().get("size"));
        assertInstanceOf(UnknownValue.class, b.after().get("name"), "b's name uses a's id: known after apply");
        assertEquals(new Plan.Summary(2, 0, 0), plan.summary());
        assertFalse(engine.provider.calls().stream().anyMatch(c -> c.startsWith("create")), "planning applied something");
    }

    @Test
    void planAfterApplyHasNoChanges() {
        engine.converge(TWO_THINGS);

        Plan plan = engine.plan();

        assertFalse(plan.hasResourceChanges(), plan.resourceChanges().toString());
        assertEquals(2, plan.resourceChanges().size());
        plan.resourceChanges().forEach(c -> assertEquals(Action.NO_OP, c.action(), c.addr().toString()));
        assertEquals(Value.of("b-fake-1"), change(plan, "fake_thing.b").after().get("name"));
    }

    @Test
    void changingAnUpdatableAttributeUpdatesInPlaceKeepingTheId() {
        engine.converge(TWO_THINGS);
        engine.configure(TWO_THINGS.replace("size = 2", "size = 5"));

        Plan plan = engine.plan();

        ResourceChange a = change(plan, "fake_thing.a");
        assertEquals(Action.UPDATE, a.action());
        assertEquals(ActionReason.NONE, a.reason());
        assertEquals(Value.of(2), a.before().get("size"));
        assertEquals(Value.of(5), a.after().get("size"));
        assertEquals(Value.of("fake-1"), a.after().get("id"));
        assertEquals(Action.UPDATE, change(plan, "fake_thing.b").action(), "b's size follows a's");
        assertEquals(new Plan.Summary(0, 2, 0), plan.summary());
    }

    @Test
    void changingAForceNewAttributeReplaces() {
        engine.converge(TWO_THINGS);
        engine.configure(TWO_THINGS.replace("name = \"a\"", "name = \"a2\""));

        Plan plan = engine.plan();

        ResourceChange a = change(plan, "fake_thing.a");
        assertEquals(Action.DELETE_THEN_CREATE, a.action());
        assertEquals(ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE, a.reason());
        assertEquals(List.of(List.of("name")), a.replacePaths());
        assertFalse(a.after().get("id").isWhollyKnown(), "the replacement is planned from nothing: a new id");
        assertEquals(Action.DELETE_THEN_CREATE, change(plan, "fake_thing.b").action(),
                "b's name embeds a's id, which the new object gets anew, so b is replaced in the same apply");
    }

    @Test
    void resourceRemovedFromConfigurationIsDeleted() {
        engine.converge(TWO_THINGS);
        engine.configure("""
                resource "fake_thing" "a" {
                  name = "a"
                  size = 2
                }
                """);

        Plan plan = engine.plan();

        ResourceChange b = change(plan, "fake_thing.b");
        assertEquals(Action.DELETE, b.action());
        assertEquals(ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG, b.reason());
        assertNull(b.after());
        assertEquals(Value.of(3), b.before().get("size"));
        assertEquals(Action.NO_OP, change(plan, "fake_thing.a").action());
    }

    @Test
    void reducingCountDeletesTheHigherIndexes() {
        String three = """
                resource "fake_thing" "n" {
                  count = 3
                  name  = "n-${count.index}"
                }
                """;
        engine.converge(three);
        assertEquals(3, engine.store.read().resources().size());
        engine.configure(three.replace("count = 3", "count = 1"));

        Plan plan = engine.plan();

        assertEquals(Action.NO_OP, change(plan, "fake_thing.n[0]").action());
        for (String gone : List.of("fake_thing.n[1]", "fake_thing.n[2]")) {
            assertEquals(Action.DELETE, change(plan, gone).action(), gone);
            assertEquals(ActionReason.DELETE_BECAUSE_COUNT_INDEX, change(plan, gone).reason(), gone);
        }
        assertEquals(new Plan.Summary(0, 0, 2), plan.summary());
    }

    @Test
    void forEachMakesOneInstancePerKeyAndDeletesARemovedKey() {
        String hcl = """
                resource "fake_thing" "s" {
                  for_each = { small = 1, large = 8 }
                  name     = each.key
                  size     = each.value
                }
                """;
        engine.configure(hcl);
        Plan first = engine.plan();
        assertEquals(Value.of("large"), change(first, "fake_thing.s[\"large\"]").after().get("name"));
        assertEquals(Value.of(8), change(first, "fake_thing.s[\"large\"]").after().get("size"));
        assertEquals(Value.of(1), change(first, "fake_thing.s[\"small\"]").after().get("size"));
        engine.applyOk(first);
        engine.configure(hcl.replace("small = 1, ", ""));

        Plan plan = engine.plan();

        ResourceChange small = change(plan, "fake_thing.s[\"small\"]");
        assertEquals(Action.DELETE, small.action());
        assertEquals(ActionReason.DELETE_BECAUSE_EACH_KEY, small.reason());
        assertEquals(Action.NO_OP, change(plan, "fake_thing.s[\"large\"]").action());
    }

    @Test
    void sizeDefaultsToOneWhenUnset() {
        engine.configure("""
                resource "fake_thing" "d" {
                  name = "d"
                }
                """);

        MapValue after = change(engine.plan(), "fake_thing.d").after();

        assertEquals(Value.of(1), after.get("size"));
        assertTrue(after.get("note").isNull());
    }
}
