package dev.berth.engine.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.functions.FunctionRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every function of Terraform 1.11 exists in berth. The catalogue is the output of
 * {@code terraform metadata functions -json} (1.11.4), kept as a fixture.
 */
class TerraformFunctionCatalogueTest {
    // Forms the evaluator handles itself because they need unevaluated arguments or files.
    private static final Set<String> EVALUATOR_FORMS = Set.of("can", "try", "file", "templatefile", "templatestring");

    @Test
    void berthHasEveryFunctionOfTerraform111() throws IOException {
        JsonNode catalogue = new ObjectMapper().readTree(
                Files.readString(TerraformOracleTest.ORACLE.resolve("functions-1.11.json")));
        FunctionRegistry registry = FunctionRegistry.standard();
        Set<String> missing = new TreeSet<>();
        catalogue.get("function_signatures").fieldNames().forEachRemaining(name -> {
            if (EVALUATOR_FORMS.contains(name.replace("core::", ""))) return;
            if (registry.lookup(name).isEmpty()) missing.add(name);
        });
        assertEquals(Set.of(), missing, "Terraform 1.11 functions berth lacks");
    }

    @Test
    void coreNamespaceNamesTheSameFunctions() {
        FunctionRegistry registry = FunctionRegistry.standard();
        assertTrue(registry.lookup("core::cidrsubnet").isPresent());
        assertEquals(registry.lookup("upper"), registry.lookup("core::upper"));
    }
}
