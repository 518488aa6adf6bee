package dev.berth.engine.run;

import dev.berth.engine.config.Config;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.testkit.TestEngine;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Terraform's precedence: environment < berth.tfvars < *.auto.tfvars (lexical) < -var-file < -var. */
class VariableSourcesTest {
    @TempDir
    Path dir;

    private Map<String, Value> resolve(Map<String, String> env, List<VariableSources.Given> given) {
        TestEngine engine = new TestEngine(dir);
        Config config = engine.configure("""
                variable "a" { default = "default" }
                variable "b" { default = "default" }
                variable "c" { default = "default" }
                variable "d" { default = "default" }
                variable "e" { default = "default" }
                variable "n" { type = number }
                """);
        Diagnostics diags = new Diagnostics();
        Map<String, VariableValues.Raw> raw = VariableSources.collect(dir, env, given, new SourceFiles(), diags);
        Map<String, Value> out = VariableValues.resolve(config, raw, engine.evaluator(), diags);
        assertEquals(List.of(), diags.list());
        return out;
    }

    @Test
    void laterSourcesOverrideEarlierOnes() throws Exception {
        Files.writeString(dir.resolve("berth.tfvars"), "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\ne = \"tfvars\"\n");
        Files.writeString(dir.resolve("a.auto.tfvars"), "c = \"a.auto\"\nd = \"a.auto\"\ne = \"a.auto\"\n");
        Files.writeString(dir.resolve("b.auto.tfvars"), "d = \"b.auto\"\ne = \"b.auto\"\nn = 40 + 2\n");
        Files.writeString(dir.resolve("extra.vars"), "e = \"file\"\n");

        Map<String, Value> v = resolve(Map.of("BERTH_VAR_a", "env", "BERTH_VAR_b", "env", "PATH", "/bin"),
                List.of(new VariableSources.Given.File(Path.of("extra.vars"))));

        assertEquals(Value.of("env"), v.get("a"));
        assertEquals(Value.of("tfvars"), v.get("b"));
        assertEquals(Value.of("a.auto"), v.get("c"));
        assertEquals(Value.of("b.auto"), v.get("d"));
        assertEquals(Value.of("file"), v.get("e"));
        assertEquals(Value.of(42), v.get("n"), "values in files are expressions");
    }

    @Test
    void commandLineVarWinsOverEverything() throws Exception {
        Files.writeString(dir.resolve("berth.tfvars"), "a = \"tfvars\"\nn = 1\n");
        Map<String, Value> v = resolve(Map.of("BERTH_VAR_a", "env"),
                List.of(new VariableSources.Given.Var("a=cli"), new VariableSources.Given.Var("n=7")));
        assertEquals(Value.of("cli"), v.get("a"));
        assertEquals(Value.of(7), v.get("n"));
    }

    @Test
    void varAndVarFileApplyInCommandLineOrder() throws Exception {
        Files.writeString(dir.resolve("x.tfvars"), "a = \"file\"\nn = 1\n");
        Path file = Path.of("x.tfvars");
        assertEquals(Value.of("file"), resolve(Map.of(), List.of(new VariableSources.Given.Var("a=cli"),
                new VariableSources.Given.File(file))).get("a"), "the file comes last, so it wins");
        assertEquals(Value.of("cli"), resolve(Map.of(), List.of(new VariableSources.Given.File(file),
                new VariableSources.Given.Var("a=cli"))).get("a"), "the -var comes last, so it wins");
    }

    @Test
    void aMissingVarFileAndABadVarOptionAreErrors() {
        Diagnostics diags = new Diagnostics();
        VariableSources.collect(dir, Map.of(), List.of(new VariableSources.Given.File(Path.of("nope.tfvars")),
                new VariableSources.Given.Var("novalue")), new SourceFiles(), diags);
        assertTrue(diags.list().get(0).summary().startsWith("Failed to read variables file: nope.tfvars does not exist."));
        assertTrue(diags.list().get(1).summary().startsWith("Invalid -var option: \"novalue\""));
    }
}
