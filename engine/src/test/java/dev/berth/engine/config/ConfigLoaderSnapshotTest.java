package dev.berth.engine.config;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading a saved plan's configuration snapshot from memory, as if the files were on disk. */
class ConfigLoaderSnapshotTest {
    @TempDir
    Path dir;

    private final SourceFiles sources = new SourceFiles();

    private ConfigLoader loader() {
        return new ConfigLoader(sources, new StaticEvaluator(new Evaluator(FunctionRegistry.standard(), dir)));
    }

    @Test
    void snapshotIsLoadedInsteadOfTheFilesOnDisk() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), "resource \"ecs_cluster\" \"disk\" {\n  name = \"d\"\n}\n");
        ConfigLoader.Result r = loader().load(dir, Map.of("main.hcl",
                "resource \"ecs_cluster\" \"saved\" {\n  name = \"s\"\n}\n", "vars.tf", "variable \"n\" {}\n"));
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
        assertEquals(java.util.Set.of(new ResourceAddr("ecs_cluster", "saved")), r.config().resources().keySet());
        assertEquals(java.util.Set.of("n"), r.config().variables().keySet());
        assertEquals(dir, r.config().dir());
    }

    @Test
    void diagnosticsNameTheSnapshotFileAndCanQuoteIt() {
        ConfigLoader.Result r = loader().load(dir, Map.of("a.hcl", "locals {\n  x = 1\n}\n",
                "web.hcl", "locals {\n  y = = 2\n}\n"));
        Diagnostic d = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals("web.hcl", d.range().file());
        assertEquals(2, d.range().line());
        assertEquals("  y = = 2", sources.line("web.hcl", 2).orElseThrow());
    }

    @Test
    void anEmptySnapshotIsAnError() {
        ConfigLoader.Result r = loader().load(dir, Map.of());
        assertTrue(r.diagnostics().stream().anyMatch(Diagnostic::isError));
    }

    @Test
    void loadingFromDiskStillWorksThroughTheSameParsing() throws Exception {
        Files.writeString(dir.resolve("b.hcl"), "variable \"b\" {}\n");
        Files.writeString(dir.resolve("a.tf"), "variable \"a\" {}\n");
        Files.writeString(dir.resolve("ignored.txt"), "not config");
        ConfigLoader.Result r = loader().load(dir);
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
        assertEquals(java.util.List.of("a.tf", "b.hcl"), r.config().files().stream().map(f -> f.path()).toList());
    }
}
