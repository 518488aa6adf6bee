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

/** provider "ecs" { fargate_vcpu_quota = N }: a whole number, kept for the provider. */
class FargateQuotaSettingTest {
    private static ConfigLoader.Result loadText(String text) {
        Path dir = Path.of("/nowhere");
        return new ConfigLoader(new SourceFiles(), new StaticEvaluator(new Evaluator(FunctionRegistry.standard(), dir)))
                .load(dir, Map.of("main.tf", text));
    }

    @Test
    void aWholeNumberIsKeptWithoutAWarning() {
        ConfigLoader.Result r = loadText("provider \"ecs\" {\n  fargate_vcpu_quota = 2 * 8\n}\n");
        assertEquals(List.of(), r.diagnostics().stream().map(Diagnostic::summary).toList());
        assertEquals(Optional.of(16), r.config().provider("ecs").flatMap(p -> p.integer("fargate_vcpu_quota")));
    }

    @Test
    void anythingElseIsAnErrorAtTheValue() {
        for (String bad : List.of("0", "1.5", "\"4\"")) {
            errorAt(loadText("provider \"ecs\" {\n  fargate_vcpu_quota = " + bad + "\n}\n").diagnostics(),
                    "Invalid value for fargate_vcpu_quota: a whole number of vCPUs of at least 1 is required.", "main.tf", 2, 24);
        }
    }
}
