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
import static dev.berth.engine.config.ConfigLoaderTest.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** terraform { ... } and provider "ecs" { ... } blocks of ported Terraform files. */
class TerraformSettingsTest {

    @Test
    void portedSettingsAreAcceptedAndWhatBerthIgnoresIsNamedOnceEach() {
        List<Diagnostic> diags = load("load-terraform-settings").diagnostics();
        assertFalse(diags.stream().anyMatch(Diagnostic::isError), diags.toString());
        List<String> warnings = diags.stream().map(Diagnostic::summary).toList();
        // required_providers appears in two files and is still said once.
        assertEquals(List.of(
                "Ignored setting: required_version is not checked",
                "Ignored setting: required_providers is ignored",
                "Ignored setting: backend \"s3\" is ignored",
                "Ignored setting: region in provider \"ecs\" is ignored"), warnings);
        Diagnostic backend = diags.get(2);
        assertEquals("main.tf:9,3", backend.range().toString());
        assertTrue(load("load-terraform-settings").config().resources().keySet().toString().contains("café"),
                "a Unicode resource name is an identifier, as in Terraform");
    }

    @Test
    void unknownSettingsAreErrorsWithASuggestion() {
        List<Diagnostic> diags = load("load-terraform-settings-bad").diagnostics();
        Diagnostic version = errorAt(diags, "Unsupported argument: an argument named \"required_versoin\"", "main.tf", 2, 3);
        assertTrue(version.summary().endsWith("Did you mean \"required_version\"?"), version.summary());
        errorAt(diags, "Invalid backend block", "main.tf", 3, 3);
        Diagnostic block = errorAt(diags, "Unsupported block type: blocks of type \"requird_providers\"", "main.tf", 5, 3);
        assertTrue(block.summary().endsWith("Did you mean \"required_providers\"?"), block.summary());
        Diagnostic region = errorAt(diags, "Unsupported argument: an argument named \"regoin\"", "main.tf", 10, 3);
        assertTrue(region.summary().endsWith("Did you mean \"region\"?"), region.summary());
        errorAt(diags, "Unsupported provider \"aws\"", "main.tf", 13, 10);
    }

    @Test
    void theEcsProviderSchemaListsRegionAsIgnored() {
        assertTrue(SettingsDecoder.ECS_PROVIDER_ARGS.containsKey("region"));
    }

    private static ConfigLoader.Result loadText(String text) {
        Path dir = Path.of("/nowhere");
        return new ConfigLoader(new SourceFiles(), new StaticEvaluator(new Evaluator(FunctionRegistry.standard(), dir)))
                .load(dir, Map.of("main.tf", text));
    }

    @Test
    void theStoreSettingIsActedOnAndKeptWithoutAWarning() {
        ConfigLoader.Result r = loadText("provider \"ecs\" {\n  store  = \"worlds/${\"team\"}.db\"\n  region = \"x\"\n}\n");
        assertEquals(List.of("Ignored setting: region in provider \"ecs\" is ignored"),
                r.diagnostics().stream().map(Diagnostic::summary).toList());
        assertEquals(Optional.of("worlds/team.db"), r.config().provider("ecs").flatMap(p -> p.string("store")));
        assertEquals("main.tf:2,12", r.config().provider("ecs").orElseThrow().ranges().get("store").toString());
        assertEquals(Optional.empty(), loadText("provider \"ecs\" {\n  region = \"x\"\n}\n").config().provider("ecs")
                .flatMap(p -> p.string("store")));
        assertEquals(Optional.empty(), loadText("locals {\n  a = 1\n}\n").config().provider("ecs"));
    }

    @Test
    void theStoreSettingMustBeAConstantNonEmptyString() {
        errorAt(loadText("variable \"p\" {\n  default = \"a\"\n}\nprovider \"ecs\" {\n  store = var.p\n}\n").diagnostics(),
                "Variables not allowed", "main.tf", 5, 11);
        errorAt(loadText("provider \"ecs\" {\n  store = \"\"\n}\n").diagnostics(),
                "Invalid value for store: it must not be empty.", "main.tf", 2, 11);
        errorAt(loadText("provider \"ecs\" {\n  store = 3\n}\n").diagnostics(),
                "Invalid value for store: a string is required", "main.tf", 2, 11);
    }

    @Test
    void theEndpointSettingIsActedOnAndKeptWithoutAWarning() {
        ConfigLoader.Result r = loadText("provider \"ecs\" {\n  endpoint = \"http://127.0.0.1:4566\"\n}\n");
        assertEquals(List.of(), r.diagnostics());
        assertEquals(Optional.of("http://127.0.0.1:4566"), r.config().provider("ecs").flatMap(p -> p.string("endpoint")));
        assertEquals("main.tf:2,14", r.config().provider("ecs").orElseThrow().ranges().get("endpoint").toString());
        errorAt(loadText("provider \"ecs\" {\n  endpoint = \"\"\n}\n").diagnostics(),
                "Invalid value for endpoint: it must not be empty.", "main.tf", 2, 14);
    }
}
