package dev.berth.engine.config;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.testkit.ResidentJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A directory loaded again in the same process (a background berth's next plan) keeps the syntax
 * tree of a file whose text has not changed, and parses a changed file afresh, errors included.
 * A JVM of its own keeps nothing for a next load.
 */
@ExtendWith(ResidentJvm.class)
class ConfigLoadAgainTest {
    @TempDir
    Path dir;



    private ConfigLoader.Result load() {
        return new ConfigLoader(new SourceFiles(), new StaticEvaluator(new Evaluator(FunctionRegistry.standard(), dir)))
                .load(dir);
    }

    @Test
    void anUnchangedFileKeepsItsTreeAndAnEditedOneIsParsedAgain() throws IOException {
        Files.writeString(dir.resolve("a.hcl"), "resource \"ecs_cluster\" \"a\" {\n  name = \"a\"\n}\n");
        Files.writeString(dir.resolve("b.hcl"), "resource \"ecs_cluster\" \"b\" {\n  name = \"b\"\n}\n");
        ConfigLoader.Result first = load();
        Files.writeString(dir.resolve("b.hcl"), "resource \"ecs_cluster\" \"b\" {\n  name = \"b2\"\n}\n");
        ConfigLoader.Result second = load();

        assertSame(first.config().files().get(0), second.config().files().get(0));
        assertNotSame(first.config().files().get(1), second.config().files().get(1));
        assertTrue(second.config().resources().get(new ResourceAddr("ecs_cluster", "b")).body().attribute("name")
                .orElseThrow().expr().toString().contains("b2"));

        Files.writeString(dir.resolve("b.hcl"), "resource \"ecs_cluster\" \"b\" {\n  name = \n}\n");
        ConfigLoader.Result broken = load();
        assertEquals(1, broken.diagnostics().size(), broken.diagnostics().toString());
        assertTrue(broken.diagnostics().get(0).range().toString().contains("b.hcl"), broken.diagnostics().toString());
    }

    @Test
    void aFileTakenFromTheLastParseIsReadOnlyWhenItsTextIsAskedForAndOnlyIfItIsStillWhatWasParsed()
            throws IOException {
        String text = "resource \"ecs_cluster\" \"a\" {\n  name = \"a\"\n}\n";
        Files.writeString(dir.resolve("a.hcl"), text);
        load();
        SourceFiles again = new SourceFiles();
        new ConfigLoader(again, new StaticEvaluator(new Evaluator(FunctionRegistry.standard(), dir))).load(dir);
        assertEquals(java.util.Optional.of("  name = \"a\""), again.line("a.hcl", 2));
        assertEquals(java.util.Optional.of(text), again.text("a.hcl"));

        SourceFiles third = new SourceFiles();
        new ConfigLoader(third, new StaticEvaluator(new Evaluator(FunctionRegistry.standard(), dir))).load(dir);
        Files.writeString(dir.resolve("a.hcl"), text.replace("\"a\"\n", "\"renamed\"\n"));
        assertEquals(java.util.Optional.empty(), third.text("a.hcl"), "changed after it was parsed: not what was parsed");
        assertEquals(java.util.Optional.empty(), third.line("a.hcl", 2));
    }

    @Test
    void anUnchangedResourceBlockKeepsItsDecodingAndOneWithALifecycleOrAProblemIsDecodedAgain() throws IOException {
        Files.writeString(dir.resolve("a.hcl"), """
                resource "ecs_cluster" "plain" {
                  name = var.name
                }

                resource "ecs_cluster" "guarded" {
                  name = "g"
                  lifecycle {
                    prevent_destroy = true
                  }
                }

                resource "ecs_cluster" "both" {
                  count    = 1
                  for_each = {}
                }
                """);
        ConfigLoader.Result first = load();
        ConfigLoader.Result second = load();
        ResourceAddr plain = new ResourceAddr("ecs_cluster", "plain");
        ResourceAddr guarded = new ResourceAddr("ecs_cluster", "guarded");

        assertSame(first.config().resources().get(plain), second.config().resources().get(plain));
        assertEquals(first.config().resources().get(plain).references(), second.config().resources().get(plain).references());
        assertNotSame(first.config().resources().get(guarded), second.config().resources().get(guarded));
        assertTrue(second.config().resources().get(guarded).lifecycle().preventDestroy());
        // The problem is found on every load, once each.
        assertEquals(1, first.diagnostics().size(), first.diagnostics().toString());
        assertEquals(first.diagnostics(), second.diagnostics());
        assertTrue(second.diagnostics().get(0).summary().contains("count"), second.diagnostics().toString());
    }

    @Test
    void aJvmOfItsOwnParsesEveryLoadAfresh() throws IOException {
        LastRead.keepAcrossReads(false);
        Files.writeString(dir.resolve("a.hcl"), "resource \"ecs_cluster\" \"a\" {\n  name = \"a\"\n}\n");
        ConfigLoader.Result first = load();
        ConfigLoader.Result second = load();
        assertNotSame(first.config().files().get(0), second.config().files().get(0));
        ResourceAddr a = new ResourceAddr("ecs_cluster", "a");
        assertNotSame(first.config().resources().get(a), second.config().resources().get(a));
    }
}
