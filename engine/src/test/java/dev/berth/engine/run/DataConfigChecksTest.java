package dev.berth.engine.run;

import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.testkit.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** data blocks are checked against the providers' data source schemas, as resources against theirs. */
class DataConfigChecksTest {
    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
    }

    private List<Diagnostic> check(String hcl) {
        Diagnostics diags = new Diagnostics();
        ConfigCheck.check(engine.configure(hcl), engine.providers, diags);
        return diags.list();
    }

    private static Diagnostic only(List<Diagnostic> diags, String summaryStart) {
        List<Diagnostic> found = diags.stream().filter(d -> d.summary().startsWith(summaryStart)).toList();
        if (found.size() != 1) fail("expected one \"" + summaryStart + "\" in " + diags);
        assertTrue(found.get(0).isError());
        return found.get(0);
    }

    @Test
    void anUnknownDataSourceTypeIsAnErrorAtItsLabelWithASuggestion() {
        Diagnostic d = only(check("data \"fake_thnig\" \"x\" {\n  name = \"x\"\n}\n"), "Invalid data source");

        assertEquals("Invalid data source: berth has no data source named \"fake_thnig\". Did you mean \"fake_thing\"?",
                d.summary());
        assertEquals("Valid data sources are: fake_thing.", d.detail());
        assertEquals("main.hcl:1,6", d.range().toString());
    }

    @Test
    void argumentsAreCheckedAgainstTheDataSourceSchemaNotTheResourceSchema() {
        List<Diagnostic> diags = check("""
                data "fake_thing" "x" {
                  note = "a resource argument, not a data source one"
                  size = 1
                }
                """);

        Diagnostic unsupported = only(diags, "Unsupported argument");
        assertEquals("Unsupported argument: an argument named \"note\" is not expected in data \"fake_thing\". "
                + "Did you mean \"name\"?", unsupported.summary());
        assertEquals("Valid arguments are: name.", unsupported.detail());
        assertEquals("main.hcl:2,3", unsupported.range().toString());
        only(diags, "Invalid argument \"size\"");
        only(diags, "Missing required argument: the argument \"name\" is required in data \"fake_thing\"");
    }

    @Test
    void aReferenceToAnUndeclaredDataResourceIsAnError() {
        List<Diagnostic> diags = check("""
                data "fake_thing" "shared" {
                  name = "x"
                }
                resource "fake_thing" "a" {
                  name = data.fake_thing.sahred.id
                }
                """);

        Diagnostic d = only(diags, "Reference to undeclared resource");
        assertEquals("Reference to undeclared resource: a data resource \"fake_thing\" \"sahred\" has not been "
                + "declared. Did you mean \"data.fake_thing.shared\"?", d.summary());
        assertEquals("main.hcl:5,10", d.range().toString());
    }

    @Test
    void lifecycleArgumentsOfManagedResourcesAreRefusedInDataBlocks() {
        ConfigLoader.Result r = engine.load("""
                data "fake_thing" "x" {
                  name = "x"
                  lifecycle {
                    prevent_destroy = true
                  }
                }
                """);

        Diagnostic d = only(r.diagnostics(), "Invalid data resource lifecycle argument");
        assertEquals("main.hcl:4,5", d.range().toString());
    }

    @Test
    void validateChecksDataSourcesWithUnknownValuesAndCallsNoProviderRead() {
        engine.configure("""
                variable "n" {
                  type = string
                }
                data "fake_thing" "x" {
                  name = var.n
                }
                resource "fake_thing" "a" {
                  name = data.fake_thing.x.id
                  size = data.fake_thing.x.name
                }
                """);

        List<Diagnostic> diags = new Planner(engine.providers, FunctionRegistry.standard(), RunHooks.NONE)
                .validate(engine.config());

        assertEquals(List.of(), diags);
        assertEquals(List.of(), engine.provider.calls());
    }

    @Test
    void aMovedBlockCannotNameADataResource() {
        ConfigLoader.Result r = engine.load("""
                data "fake_thing" "x" {
                  name = "x"
                }
                moved {
                  from = data.fake_thing.old
                  to   = data.fake_thing.x
                }
                """);

        Diagnostic d = only(r.diagnostics(), "Invalid moved block: a data resource cannot be moved");
        assertEquals("main.hcl:5,10", d.range().toString());
    }

    @Test
    void dataNodesJoinTheGraphWithEdgesFromReferencesAndDependsOn() {
        Diagnostics diags = new Diagnostics();
        ConfigGraph graph = ConfigCheck.check(engine.configure("""
                resource "fake_thing" "gate" {
                  name = "gate"
                }
                data "fake_thing" "x" {
                  name       = "x"
                  depends_on = [fake_thing.gate]
                }
                resource "fake_thing" "x" {
                  name = data.fake_thing.x.id
                }
                """), engine.providers, diags);

        assertEquals(List.of(), diags.list());
        var data = new GraphNode.Resource(dev.berth.engine.addrs.ResourceAddr.data("fake_thing", "x"));
        var managed = new GraphNode.Resource(new dev.berth.engine.addrs.ResourceAddr("fake_thing", "x"));
        assertEquals("data.fake_thing.x", data.toString());
        assertEquals(java.util.Set.of(data), java.util.Set.copyOf(graph.dag().dependenciesOf(managed)));
        assertEquals("[fake_thing.gate]", graph.dag().dependenciesOf(data).toString());
    }
}
