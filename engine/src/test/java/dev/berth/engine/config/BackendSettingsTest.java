package dev.berth.engine.config;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.berth.engine.config.ConfigLoaderTest.errorAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** terraform { backend "pg" { ... } } with Terraform's argument names. */
class BackendSettingsTest {

    private static ConfigLoader.Result loadText(String text) {
        Path dir = Path.of("/nowhere");
        return new ConfigLoader(new SourceFiles(), new StaticEvaluator(new Evaluator(FunctionRegistry.standard(), dir)))
                .load(dir, Map.of("main.tf", text));
    }

    @Test
    void aPgBackendIsKeptWithItsSettingsAndNoWarning() {
        ConfigLoader.Result r = loadText("terraform {\n  backend \"pg\" {\n    conn_str = \"postgres://u@h/db\"\n"
                + "    schema_name = \"team_a\"\n    skip_schema_creation = true\n  }\n}\n");
        assertEquals(List.of(), r.diagnostics());
        BackendConfig b = r.config().backend().orElseThrow();
        assertEquals("pg", b.type());
        assertEquals(Optional.of("postgres://u@h/db"), b.string("conn_str"));
        assertEquals(Optional.of("team_a"), b.string("schema_name"));
        assertEquals(Optional.of(true), b.bool("skip_schema_creation"));
        assertEquals("main.tf:3,16", b.ranges().get("conn_str").toString());
    }

    @Test
    void anEmptyPgBackendTakesItsSettingsFromElsewhere() {
        ConfigLoader.Result r = loadText("terraform {\n  backend \"pg\" {}\n}\n");
        assertEquals(List.of(), r.diagnostics());
        assertEquals(Optional.empty(), r.config().backend().orElseThrow().string("conn_str"));
        assertEquals(Optional.empty(), loadText("locals {\n  a = 1\n}\n").config().backend());
    }

    @Test
    void otherBackendsAreStillIgnoredWithAWarning() {
        ConfigLoader.Result r = loadText("terraform {\n  backend \"s3\" {\n    bucket = \"b\"\n  }\n}\n");
        assertEquals(List.of("Ignored setting: backend \"s3\" is ignored"),
                r.diagnostics().stream().map(Diagnostic::summary).toList());
        assertEquals(Optional.empty(), r.config().backend());
    }

    @Test
    void mistakesInAPgBackendAreErrorsAtTheirPlace() {
        errorAt(loadText("terraform {\n  backend \"pg\" {\n    conn_string = \"x\"\n  }\n}\n").diagnostics(),
                "Unsupported argument: an argument named \"conn_string\" is not expected in a backend \"pg\" block."
                        + " Did you mean \"conn_str\"?", "main.tf", 3, 5);
        errorAt(loadText("variable \"c\" {\n  default = \"x\"\n}\nterraform {\n  backend \"pg\" {\n    conn_str = var.c\n"
                + "  }\n}\n").diagnostics(), "Variables not allowed", "main.tf", 6, 16);
        errorAt(loadText("terraform {\n  backend \"pg\" {\n    skip_schema_creation = \"maybe\"\n  }\n}\n").diagnostics(),
                "Invalid value for skip_schema_creation in backend \"pg\": a bool is required", "main.tf", 3, 28);
        errorAt(loadText("terraform {\n  backend \"pg\" {}\n}\nterraform {\n  backend \"pg\" {}\n}\n").diagnostics(),
                "Duplicate backend configuration", "main.tf", 5, 3);
    }
}
