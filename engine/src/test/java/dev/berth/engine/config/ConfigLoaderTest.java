package dev.berth.engine.config;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ConfigLoaderTest {

    static ConfigLoader.Result load(String fixture) {
        Path dir;
        try {
            dir = Path.of(Objects.requireNonNull(ConfigLoaderTest.class.getResource("/fixtures/" + fixture)).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Evaluator evaluator = new Evaluator(FunctionRegistry.standard(), dir);
        return new ConfigLoader(new SourceFiles(), new StaticEvaluator(evaluator)).load(dir);
    }

    /** The only diagnostic whose summary starts with the given text, checked to be an error at file:line,column. */
    static Diagnostic errorAt(List<Diagnostic> diags, String summaryStart, String file, int line, int column) {
        List<Diagnostic> found = diags.stream().filter(d -> d.summary().startsWith(summaryStart)).toList();
        if (found.size() != 1) fail("expected one diagnostic starting with \"" + summaryStart + "\" in " + diags);
        Diagnostic d = found.get(0);
        assertTrue(d.isError(), d.toString());
        assertEquals(file + ":" + line + "," + column, d.range().toString(), d.summary());
        return d;
    }

    @Test
    void validConfigurationLoadsWithoutDiagnostics() {
        ConfigLoader.Result r = load("load-valid");

        assertEquals(List.of(), r.diagnostics());
        Config c = r.config();
        assertTrue(c.variables().get("size").sensitive());
        assertEquals(List.of("prefix"), List.copyOf(c.locals().keySet()));
        ResourceConfig a = c.resources().get(new ResourceAddr("fake_thing", "a"));
        assertTrue(a.lifecycle().createBeforeDestroy());
        assertFalse(a.lifecycle().preventDestroy());
        assertEquals(List.of("size"), a.lifecycle().ignoreChanges());
        assertEquals("the name", c.outputs().get("name").description());
    }

    @Test
    void unknownBlockTypeListsTheValidTypesAndSuggestsTheClosest() {
        List<Diagnostic> diags = load("load-unknown-block").diagnostics();

        Diagnostic typo = errorAt(diags, "Unsupported block type: blocks of type \"resourse\"", "main.hcl", 5, 1);
        assertTrue(typo.summary().endsWith("Did you mean \"resource\"?"), typo.summary());
        assertEquals("Valid block types are: data, locals, moved, output, provider, resource, terraform, variable.", typo.detail());
        Diagnostic other = errorAt(diags, "Unsupported block type: blocks of type \"provisioner\"", "main.hcl", 9, 3);
        assertFalse(other.summary().contains("Did you mean"), other.summary());
        assertEquals(2, diags.size(), diags.toString());
    }

    @Test
    void duplicatesNameWhereTheFirstWasDeclared() {
        List<Diagnostic> diags = load("load-duplicates").diagnostics();

        Diagnostic v = errorAt(diags, "Duplicate variable \"v\"", "main.hcl", 2, 1);
        assertEquals("Duplicate variable \"v\": it was already declared at main.hcl:1,1.", v.summary());
        Diagnostic r = errorAt(diags, "Duplicate resource \"fake_thing.a\"", "main.hcl", 12, 1);
        assertTrue(r.summary().endsWith("already declared at main.hcl:4,1."), r.summary());
        Diagnostic o = errorAt(diags, "Duplicate output \"o\"", "other.hcl", 1, 1);
        assertTrue(o.summary().endsWith("already declared at main.hcl:8,1."), o.summary());
        assertEquals(3, diags.size(), diags.toString());
    }

    @Test
    void wrongLabelCountsSayWhatShapeWasExpected() {
        List<Diagnostic> diags = load("load-wrong-labels").diagnostics();

        assertEquals("Invalid resource block: expected 2 labels (resource \"TYPE\" \"NAME\"), but found 1.",
                errorAt(diags, "Invalid resource block", "main.hcl", 1, 1).summary());
        assertEquals("Invalid variable block: expected 1 label (variable \"NAME\"), but found 0.",
                errorAt(diags, "Invalid variable block", "main.hcl", 4, 1).summary());
        assertEquals("Invalid output block: expected 1 label (output \"NAME\"), but found 2.",
                errorAt(diags, "Invalid output block", "main.hcl", 6, 1).summary());
        assertEquals("Invalid locals block: expected 0 labels (locals), but found 1.",
                errorAt(diags, "Invalid locals block", "main.hcl", 9, 1).summary());
        assertEquals(4, diags.size(), diags.toString());
    }

    @Test
    void unsupportedArgumentsInVariableOutputAndLifecycleAreSuggested() {
        List<Diagnostic> diags = load("load-unsupported-arguments").diagnostics();

        Diagnostic v = errorAt(diags, "Unsupported argument: an argument named \"defualt\"", "main.hcl", 2, 3);
        assertTrue(v.summary().contains("in a variable block. Did you mean \"default\"?"), v.summary());
        assertEquals("Valid arguments are: default, description, nullable, sensitive, type.", v.detail());
        Diagnostic o = errorAt(diags, "Unsupported argument: an argument named \"sensitiv\"", "main.hcl", 7, 3);
        assertTrue(o.summary().contains("in a output block. Did you mean \"sensitive\"?"), o.summary());
        Diagnostic l = errorAt(diags, "Unsupported argument: an argument named \"prevent_destory\"", "main.hcl", 13, 5);
        assertTrue(l.summary().endsWith("Did you mean \"prevent_destroy\"?"), l.summary());
        assertEquals("Valid arguments are: create_before_destroy, ignore_changes, prevent_destroy.", l.detail());
        assertEquals(3, diags.size(), diags.toString());
    }

    @Test
    void outputWithoutValueIsAnError() {
        ConfigLoader.Result r = load("load-missing-output-value");

        Diagnostic d = errorAt(r.diagnostics(), "Missing required argument", "main.hcl", 1, 1);
        assertEquals("Missing required argument: the argument \"value\" is required in output \"address\".", d.summary());
        assertFalse(r.config().outputs().containsKey("address"));
    }

    @Test
    void countTogetherWithForEachIsAnErrorAtForEach() {
        List<Diagnostic> diags = load("load-count-and-for-each").diagnostics();

        errorAt(diags, "Invalid combination of \"count\" and \"for_each\"", "main.hcl", 3, 3);
        assertEquals(1, diags.size(), diags.toString());
    }
}
