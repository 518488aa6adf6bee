package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.apply.Applier;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.berth.engine.testkit.TestEngine.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data blocks: read during plan when they can be, during apply when they cannot, kept in the state. */
class DataSourcesTest {
    static final ResourceInstanceAddr SHARED = ResourceInstanceAddr.parse("data.fake_thing.shared").orElseThrow();

    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
    }

    private List<String> reads() {
        return engine.provider.calls().stream().filter(c -> c.startsWith("read ")).toList();
    }

    @Test
    void aWhollyKnownDataSourceIsReadDuringPlanAndLeftOutOfTheChanges() {
        engine.provider.exists("shared", 7);
        engine.configure("""
                data "fake_thing" "shared" {
                  name = "shared"
                }
                resource "fake_thing" "a" {
                  name = "a"
                  size = data.fake_thing.shared.size
                }
                """);

        Plan plan = engine.plan();

        assertEquals(List.of("read data.fake_thing.shared"), reads());
        assertTrue(plan.resourceChanges().stream().noneMatch(c -> c.addr().isData()), plan.resourceChanges().toString());
        assertEquals(Value.of(7), change(plan, "fake_thing.a").after().get("size"));
        ResourceState read = plan.priorState().resource(SHARED).orElseThrow();
        assertEquals(Value.of("other-shared"), read.attributes().get("id"));
        assertEquals(new Plan.Summary(1, 0, 0), plan.summary());
    }

    @Test
    void applySavesWhatThePlanReadSoTheNextPlanHasNoChanges() {
        engine.provider.exists("shared", 7);
        engine.configure("""
                data "fake_thing" "shared" {
                  name = "shared"
                }
                resource "fake_thing" "a" {
                  name = "a"
                  size = data.fake_thing.shared.size
                }
                """);
        engine.applyOk(engine.plan());

        assertEquals(Value.of(7), engine.store.read().resource(SHARED).orElseThrow().attributes().get("size"));
        Plan again = engine.plan();
        assertFalse(again.hasResourceChanges(), again.resourceChanges().toString());
        assertEquals(List.of("data.fake_thing.shared"), engine.store.read().resource(ResourceInstanceAddr.parse(
                "fake_thing.a").orElseThrow()).orElseThrow().dependencies());
    }

    @Test
    void aConfigurationNotYetKnownIsReadDuringApply() {
        engine.configure("""
                resource "fake_thing" "a" {
                  name = "a"
                }
                data "fake_thing" "found" {
                  name = fake_thing.a.id == "" ? "none" : "a"
                }
                resource "fake_thing" "b" {
                  name = "b"
                  size = data.fake_thing.found.size + 1
                }
                """);

        Plan plan = engine.plan();

        ResourceChange read = change(plan, "data.fake_thing.found");
        assertEquals(Action.READ, read.action());
        assertEquals(ActionReason.READ_BECAUSE_CONFIG_UNKNOWN, read.reason());
        assertNull(read.before());
        assertInstanceOf(UnknownValue.class, read.after().get("name"));
        assertInstanceOf(UnknownValue.class, read.after().get("size"));
        assertInstanceOf(UnknownValue.class, change(plan, "fake_thing.b").after().get("size"));
        assertEquals(new Plan.Summary(2, 0, 0), plan.summary(), "reads are not counted");
        assertEquals(List.of(), reads(), "nothing may be read before its configuration is known");

        engine.applyOk(plan);

        assertEquals(List.of("create fake_thing.a", "read data.fake_thing.found", "create fake_thing.b"),
                engine.provider.calls());
        assertEquals(Value.of(2), engine.store.read().resource(ResourceInstanceAddr.parse("fake_thing.b")
                .orElseThrow()).orElseThrow().attributes().get("size"));
    }

    @Test
    void aReferenceToAResourceWithChangesPendingDefersTheReadEvenWhenItsValueIsKnown() {
        engine.configure("""
                resource "fake_thing" "a" {
                  name = "a"
                  size = 3
                }
                data "fake_thing" "found" {
                  name = fake_thing.a.name
                }
                """);

        ResourceChange read = change(engine.plan(), "data.fake_thing.found");

        assertEquals(Action.READ, read.action());
        assertEquals(ActionReason.READ_BECAUSE_DEPENDENCY_PENDING, read.reason());
        assertEquals(Value.of("a"), read.after().get("name"));
        assertInstanceOf(UnknownValue.class, read.after().get("id"));
    }

    @Test
    void dependsOnAPendingResourceDefersTheReadAndOnceItIsAppliedTheReadHappensDuringPlan() {
        engine.provider.exists("shared", 1);
        String hcl = """
                resource "fake_thing" "gate" {
                  name = "gate"
                }
                data "fake_thing" "shared" {
                  name       = "shared"
                  depends_on = [fake_thing.gate]
                }
                """;
        engine.configure(hcl);
        Plan first = engine.plan();
        assertEquals(ActionReason.READ_BECAUSE_DEPENDENCY_PENDING, change(first, "data.fake_thing.shared").reason());
        engine.applyOk(first);
        engine.provider.clearCalls();

        Plan second = engine.plan();

        assertEquals(List.of("read data.fake_thing.shared"), reads());
        assertTrue(second.resourceChanges().stream().noneMatch(c -> c.addr().isData()));
        assertFalse(second.hasResourceChanges());
    }

    @Test
    void readsReportTheirProgressAsTheyHappen() {
        engine.provider.exists("shared", 1);
        engine.configure("data \"fake_thing\" \"shared\" {\n  name = \"shared\"\n}\n");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        RunHooks hooks = new RunHooks() {
            @Override
            public void reading(ResourceInstanceAddr addr) {
                seen.add(addr + ": Reading...");
            }

            @Override
            public void read(ResourceInstanceAddr addr, Duration took, String id) {
                seen.add(addr + ": Read complete [id=" + id + "]");
            }
        };

        new Planner(engine.providers, FunctionRegistry.standard(), hooks).plan(engine.config(), engine.store.read(),
                java.util.Map.of(), Planner.Options.normal(1));

        assertEquals(List.of("data.fake_thing.shared: Reading...",
                "data.fake_thing.shared: Read complete [id=other-shared]"), seen);
    }

    @Test
    void countAndSplatsWorkOnDataResourcesAsOnResources() {
        engine.provider.exists("s0", 1);
        engine.provider.exists("s1", 2);
        engine.configure("""
                data "fake_thing" "many" {
                  count = 2
                  name  = "s${count.index}"
                }
                resource "fake_thing" "sum" {
                  name = join(",", data.fake_thing.many[*].id)
                  size = data.fake_thing.many[1].size
                }
                """);

        ResourceChange sum = change(engine.plan(), "fake_thing.sum");

        assertEquals(Value.of("other-s0,other-s1"), sum.after().get("name"));
        assertEquals(Value.of(2), sum.after().get("size"));
    }

    @Test
    void aSensitiveAttributeOfADataSourceIsMarkedAndGuardsOutputs() {
        engine.provider.exists("shared", 1);
        engine.configure("""
                data "fake_thing" "shared" {
                  name = "shared"
                }
                output "token" {
                  value = data.fake_thing.shared.token
                }
                """);

        Planner.Result r = engine.plan(Plan.Mode.NORMAL);

        assertTrue(TestEngine.errors(r.diagnostics()).stream().anyMatch(e -> e.startsWith(
                "Output refers to sensitive values")), r.diagnostics().toString());
        engine.configure("""
                data "fake_thing" "shared" {
                  name = "shared"
                }
                """);
        engine.applyOk(engine.plan());
        assertInstanceOf(SensitiveValue.class,
                engine.store.read().resource(SHARED).orElseThrow().attributes().get("token"));
    }

    @Test
    void aRemovedDataBlockLeavesTheStateSilently() {
        engine.provider.exists("shared", 1);
        engine.converge("data \"fake_thing\" \"shared\" {\n  name = \"shared\"\n}\n"
                + "resource \"fake_thing\" \"a\" {\n  name = \"a\"\n}\n");
        engine.provider.clearCalls();
        engine.configure("resource \"fake_thing\" \"a\" {\n  name = \"a\"\n}\n");

        Plan plan = engine.plan();
        assertFalse(plan.hasResourceChanges(), plan.resourceChanges().toString());
        engine.applyOk(plan);

        assertTrue(engine.store.read().resource(SHARED).isEmpty());
        assertEquals(List.of(), engine.provider.calls());
    }

    @Test
    void destroyForgetsDataSourcesWithoutCallingTheProvider() {
        engine.provider.exists("shared", 1);
        engine.converge("data \"fake_thing\" \"shared\" {\n  name = \"shared\"\n}\n"
                + "resource \"fake_thing\" \"a\" {\n  name = \"a\"\n  size = data.fake_thing.shared.size\n}\n");
        engine.provider.clearCalls();

        Planner.Result r = engine.plan(Plan.Mode.DESTROY);
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertEquals(List.of("fake_thing.a"), r.plan().resourceChanges().stream().map(c -> c.addr().toString()).toList());
        Applier.Result a = engine.applyOk(r.plan());

        assertEquals(1, a.summary().destroyed());
        assertTrue(engine.store.read().resources().isEmpty(), engine.store.read().resources().toString());
        assertEquals(List.of("delete fake_thing.a"), engine.provider.calls());
    }

    @Test
    void aDataSourceAndAResourceMayShareTypeAndName() {
        engine.provider.exists("x", 4);
        engine.configure("""
                data "fake_thing" "x" {
                  name = "x"
                }
                resource "fake_thing" "x" {
                  name = "copy"
                  size = data.fake_thing.x.size
                }
                """);

        Plan plan = engine.plan();
        engine.applyOk(plan);

        assertEquals(Value.of(4), change(plan, "fake_thing.x").after().get("size"));
        assertEquals(List.of("data.fake_thing.x", "fake_thing.x"),
                engine.store.read().resources().keySet().stream().map(Object::toString).toList());
    }

    @Test
    void aFailedReadIsAnErrorOnTheDataSource() {
        engine.configure("data \"fake_thing\" \"missing\" {\n  name = \"nowhere\"\n}\n");

        Planner.Result r = engine.plan(Plan.Mode.NORMAL);

        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).summary().contains("no fake_thing named \"nowhere\""), errors.get(0).summary());
        assertEquals(2, errors.get(0).range().line(), "the error points at the name argument");
    }

    @Test
    void aRefreshOnlyPlanReadsDataSourcesAgainAndApplyingItSavesWhatWasRead() {
        engine.provider.exists("shared", 1);
        engine.converge("data \"fake_thing\" \"shared\" {\n  name = \"shared\"\n}\n");
        engine.provider.exists("shared", 9);
        engine.provider.clearCalls();

        Planner.Result r = engine.plan(Plan.Mode.REFRESH_ONLY);

        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertEquals(List.of("read data.fake_thing.shared"), reads());
        assertTrue(r.plan().drift().isEmpty(), "a data source that reads differently is not drift");
        engine.applyOk(r.plan());
        assertEquals(Value.of(9), engine.store.read().resource(SHARED).orElseThrow().attributes().get("size"));
    }
}
