package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.testkit.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.berth.engine.testkit.TestEngine.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetAndReplaceTest {
    private static final String THREE = """
            resource "fake_thing" "base" {
              name = "base"
            }
            resource "fake_thing" "app" {
              name = "app-${fake_thing.base.size}"
            }
            resource "fake_thing" "other" {
              count = 2
              name  = "other${count.index}"
            }
            output "app" {
              value = fake_thing.app.name
            }
            """;

    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
        engine.configure(THREE);
    }

    private static ResourceInstanceAddr addr(String a) {
        return ResourceInstanceAddr.parse(a).orElseThrow();
    }

    private Planner.Result plan(List<String> targets, Set<String> replace) {
        return plan(Plan.Mode.NORMAL, targets, replace);
    }

    private Planner.Result plan(Plan.Mode mode, List<String> targets, Set<String> replace) {
        return engine.plan(new Planner.Options(mode, true, 4,
                targets.stream().map(TargetAndReplaceTest::addr).toList(),
                Set.copyOf(replace.stream().map(TargetAndReplaceTest::addr).toList())));
    }

    private static Set<String> addresses(Plan p) {
        return Set.copyOf(p.resourceChanges().stream().map(c -> c.addr().toString()).toList());
    }

    @Test
    void aTargetPlansItselfAndWhatItDependsOnButNothingElse() {
        Planner.Result r = plan(List.of("fake_thing.app"), Set.of());

        assertEquals(Set.of("fake_thing.app", "fake_thing.base"), addresses(r.plan()));
        assertTrue(r.plan().outputChanges().isEmpty(), "outputs are left alone under -target");
        assertTrue(r.plan().isTargeted());
        assertTrue(r.diagnostics().stream().anyMatch(d -> !d.isError()
                && d.summary().equals("Resource targeting is in effect")), "the warning is given");
    }

    @Test
    void anInstanceTargetPlansOnlyThatInstance() {
        Plan p = plan(List.of("fake_thing.other[1]"), Set.of()).plan();

        assertEquals(Set.of("fake_thing.other[1]"), addresses(p));
    }

    @Test
    void aTargetedApplyLeavesUntargetedResourcesAndOutputsUnapplied() {
        engine.applyOk(plan(List.of("fake_thing.other"), Set.of()).plan());

        assertEquals(Set.of("fake_thing.other[0]", "fake_thing.other[1]"),
                Set.copyOf(engine.store.read().resources().keySet().stream().map(Object::toString).toList()));
        assertTrue(engine.store.read().outputs().isEmpty());
    }

    @Test
    void replaceForcesAReplacementOfAnUnchangedInstance() {
        engine.applyOk(engine.plan());

        Plan p = plan(List.of(), Set.of("fake_thing.base")).plan();

        ResourceChange base = change(p, "fake_thing.base");
        assertEquals(Action.DELETE_THEN_CREATE, base.action());
        assertEquals(ActionReason.REPLACE_BY_REQUEST, base.reason());
        assertEquals(Action.NO_OP, change(p, "fake_thing.other[0]").action());
        assertFalse(p.resourceChanges().stream().filter(c -> c.addr().toString().startsWith("fake_thing.other"))
                .anyMatch(c -> c.action() != Action.NO_OP));
        assertTrue(plan(List.of(), Set.of()).diagnostics().stream().noneMatch(Diagnostic::isError));
    }

    private Set<String> stateAddresses() {
        return Set.copyOf(engine.store.read().resources().keySet().stream().map(Object::toString).toList());
    }

    @Test
    void aTargetedDestroyDestroysTheTargetAndWhatDependsOnItNothingElse() {
        engine.applyOk(engine.plan());

        Planner.Result r = plan(Plan.Mode.DESTROY, List.of("fake_thing.base"), Set.of());

        assertEquals(Set.of("fake_thing.app", "fake_thing.base"), addresses(r.plan()),
                "app refers to base, so it must go first; the others stay");
        assertTrue(r.plan().isTargeted());
        assertTrue(r.plan().outputChanges().isEmpty(), "outputs are left alone under -target");
        assertTrue(r.diagnostics().stream().anyMatch(d -> !d.isError()
                && d.summary().equals("Resource targeting is in effect")), "the warning is given");
        engine.provider.clearCalls();
        engine.applyOk(r.plan());
        assertEquals(List.of("delete fake_thing.app", "delete fake_thing.base"), engine.provider.calls());
        assertEquals(Set.of("fake_thing.other[0]", "fake_thing.other[1]"), stateAddresses());
        assertEquals(Set.of("app"), engine.store.read().outputs().keySet());
    }

    @Test
    void aTargetedDestroyOfOneInstanceLeavesItsSiblings() {
        engine.applyOk(engine.plan());

        Plan p = plan(Plan.Mode.DESTROY, List.of("fake_thing.other[0]"), Set.of()).plan();

        assertEquals(Set.of("fake_thing.other[0]"), addresses(p));
    }

    @Test
    void aTargetedDestroyFollowsDependenciesRecordedInStateForResourcesNoLongerConfigured() {
        engine.applyOk(engine.plan());
        engine.configure("""
                resource "fake_thing" "base" {
                  name = "base"
                }
                """);

        Plan p = plan(Plan.Mode.DESTROY, List.of("fake_thing.base"), Set.of()).plan();

        assertEquals(Set.of("fake_thing.app", "fake_thing.base"), addresses(p),
                "the state records that app depended on base");
    }

    @Test
    void aTargetLimitsRefreshToTheTargetsAndTheirDependencies() {
        engine.applyOk(engine.plan());
        Set<String> refreshed = Collections.synchronizedSet(new HashSet<>());
        RunHooks hooks = new RunHooks() {
            @Override
            public void refreshing(ResourceInstanceAddr addr, String id) {
                refreshed.add(addr.toString());
            }
        };
        Planner planner = new Planner(engine.providers, FunctionRegistry.standard(), hooks);

        planner.plan(engine.config(), engine.store.read(), java.util.Map.of(), new Planner.Options(Plan.Mode.NORMAL,
                true, 4, List.of(addr("fake_thing.app")), Set.of()));
        assertEquals(Set.of("fake_thing.app", "fake_thing.base"), refreshed);

        refreshed.clear();
        planner.plan(engine.config(), engine.store.read(), java.util.Map.of(), new Planner.Options(Plan.Mode.DESTROY,
                true, 4, List.of(addr("fake_thing.base")), Set.of()));
        assertEquals(Set.of("fake_thing.app", "fake_thing.base"), refreshed, "a destroy refreshes what it destroys");
    }
}
