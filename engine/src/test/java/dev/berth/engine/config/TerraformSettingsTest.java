package dev.berth.engine.config;

import dev.berth.engine.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

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
}
