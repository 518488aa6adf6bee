package dev.berth.cli.view;

import dev.berth.engine.apply.Applier;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.RunHooks;
import dev.berth.state.SqliteStateStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.view.json.JsonDocs;
import dev.berth.cli.view.json.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the Terraform 1.11.4 captures of {@code src/test/resources/terraform-data} with berth's
 * planner and views under the tool name "Terraform": the progress lines of reads and the plan
 * text must be Terraform's, byte for byte.
 */
class DataSourceParityTest {
    static final Path CAPTURES = Path.of("src/test/resources/terraform-data");
    private static final RenderOptions AS_TERRAFORM = new RenderOptions(false, "Terraform");

    @TempDir
    Path dir;

    static String capture(String name) {
        try {
            return Files.readString(CAPTURES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A working directory holding the configuration and the state file the data sources read. */
    Config configure(String tf) throws IOException {
        Files.createDirectories(dir.resolve("other"));
        Files.copy(CAPTURES.resolve("other.tfstate"), dir.resolve("other/terraform.tfstate"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.copy(CAPTURES.resolve(tf), work.resolve("main.tf"));
        Evaluator evaluator = new Evaluator(FunctionRegistry.standard(), work);
        ConfigLoader.Result r = new ConfigLoader(new SourceFiles(), new StaticEvaluator(evaluator)).load(work);
        assertEquals(List.of(), r.diagnostics());
        return r.config();
    }

    record Run(Plan plan, String progress) {
    }

    Run plan(Config config, Providers providers, SqliteStateStore store) {
        StringWriter out = new StringWriter();
        Terminal term = new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()), false);
        Planner.Result r = new Planner(providers, FunctionRegistry.standard(), new ProgressView(term))
                .plan(config, store.read(), Map.of(), Planner.Options.normal(1));
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        return new Run(r.plan(), out.toString());
    }

    /** The capture up to the rule that separates the plan from the note about saving it. */
    static String beforeRule(String text) {
        return text.substring(0, text.indexOf("\n" + Prose.RULE)).stripTrailing();
    }

    @Test
    void aDataSourceReadDuringPlanPrintsTerraformsProgressAndIsNotAChange() throws IOException {
        Config config = configure("read-now.tf");
        try (Providers providers = new Providers(List.of(new TerraformBuiltins(dir.resolve("work"))));
             SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            Run run = plan(config, providers, store);

            String text = run.progress() + new PlanRenderer().render(run.plan(), AS_TERRAFORM);
            assertEquals(beforeRule(capture("01-plan-read-now.txt")), text.stripTrailing());
        }
    }

    @Test
    void readsDuringApplyAreShownWithTerraformsReasonsAndLeftOutOfTheSummary() throws IOException {
        Config config = configure("read-during-apply.tf");
        try (Providers providers = new Providers(List.of(new TerraformBuiltins(dir.resolve("work"))));
             SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            Run run = plan(config, providers, store);

            assertEquals("", run.progress(), "nothing can be read during this plan");
            assertEquals(beforeRule(capture("07-plan-read-during-apply.txt")),
                    new PlanRenderer().render(run.plan(), AS_TERRAFORM).stripTrailing());
        }
    }

    @Test
    void applyReadsWhatThePlanDeferredOnceWhatItWaitsForIsApplied() throws IOException {
        Config config = configure("read-during-apply.tf");
        try (Providers providers = new Providers(List.of(new TerraformBuiltins(dir.resolve("work"))));
             SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            Plan plan = plan(config, providers, store).plan();
            StringWriter out = new StringWriter();
            Terminal term = new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()), false);

            Applier.Result a = new Applier(providers, FunctionRegistry.standard(), store, new ProgressView(term))
                    .apply(config, plan, 1);

            assertFalse(a.hasErrors(), a.diagnostics()::toString);
            assertEquals(new Applier.Summary(3, 0, 0), a.summary());
            List<String> lines = out.toString().lines().toList();
            for (String line : capture("08-apply-reads.txt").lines().filter(l -> l.startsWith("data.")).toList()) {
                assertTrue(lines.contains(line), "missing \"" + line + "\" in\n" + out);
            }
            int pathDone = indexStarting(lines, "terraform_data.path: Creation complete");
            int readStart = lines.indexOf("data.terraform_remote_state.unknown: Reading...");
            int readDone = lines.indexOf("data.terraform_remote_state.unknown: Read complete after 0s");
            int webStart = lines.indexOf("terraform_data.web: Creating...");
            assertTrue(pathDone < readStart && readDone < webStart, out::toString);
            assertEquals(List.of("data.terraform_remote_state.after", "data.terraform_remote_state.unknown",
                            "terraform_data.gate", "terraform_data.path", "terraform_data.web"),
                    store.read().resources().keySet().stream().map(Object::toString).toList());

            Run again = plan(config, providers, store);
            List<String> expected = capture("09-plan-after.txt").lines().filter(l -> l.startsWith("data.")).toList();
            // berth refreshes every resource before planning; Terraform interleaves: compare the reads.
            assertEquals(expected, again.progress().lines().filter(l -> l.startsWith("data.")).toList());
            assertFalse(again.plan().hasResourceChanges());
        }
    }

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode planJson(Run run, Config config, Providers providers) {
        Evaluator evaluator = new Evaluator(FunctionRegistry.standard(), dir.resolve("work"));
        return json(JsonDocs.print(new PlanJson("1.11.4", providers, evaluator).document(run.plan(), config,
                Instant.EPOCH)));
    }

    @Test
    void theJsonPlanHasTerraformsReadChangesAndLeavesPlanTimeReadsToThePriorState() throws IOException {
        Config config = configure("read-during-apply.tf");
        try (Providers providers = new Providers(List.of(new TerraformBuiltins(dir.resolve("work"))));
             SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            JsonNode doc = planJson(plan(config, providers, store), config, providers);

            JsonNode terraform = json(capture("07-plan-read-during-apply.json"));
            assertEquals(terraform.get("resource_changes"), doc.get("resource_changes"));
        }
    }

    @Test
    void aReadDuringPlanIsInThePriorStateAsADataResource() throws IOException {
        Config config = configure("read-now.tf");
        try (Providers providers = new Providers(List.of(new TerraformBuiltins(dir.resolve("work"))));
             SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            JsonNode doc = planJson(plan(config, providers, store), config, providers);

            JsonNode terraform = json(capture("01-plan-read-now.json"));
            assertEquals(terraform.get("resource_changes"), doc.get("resource_changes"));
            assertEquals(terraform.at("/prior_state/values/root_module/resources"),
                    doc.at("/prior_state/values/root_module/resources"));
            assertEquals(terraform.at("/planned_values/root_module/resources"),
                    doc.at("/planned_values/root_module/resources"));
        }
    }

    @Test
    void dataNodesAreDrawnAsTerraformDrawsThemInThePlanGraph() throws IOException {
        Config config = configure("read-during-apply.tf");
        try (Providers providers = new Providers(List.of(new TerraformBuiltins(dir.resolve("work"))))) {
            dev.berth.engine.diag.Diagnostics diags = new dev.berth.engine.diag.Diagnostics();
            var graph = dev.berth.engine.run.ConfigCheck.check(config, providers, diags);
            assertEquals(List.of(), diags.list());

            String dot = DotGraph.ofConfiguration(graph.dag(), providers).render();

            // berth names nodes without Terraform's " (expand)" suffix, for resources and data alike.
            List<String> terraform = capture("14-graph-plan.dot").lines()
                    .filter(l -> l.contains("[root] data.") && !l.contains("provider["))
                    .map(l -> l.replace(" (expand)", "")).toList();
            assertEquals(5, terraform.size(), terraform::toString);
            for (String line : terraform) assertTrue(dot.contains(line + "\n"), "missing " + line + " in\n" + dot);
            assertTrue(dot.contains("\"[root] data.terraform_remote_state.after\" -> "
                    + "\"[root] provider[\\\"terraform.io/builtin/terraform\\\"]\""), dot);
        }
    }

    private static int indexStarting(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
        return -1;
    }

    @Test
    void aFailedReadPrintsNoProgressLineOfItsOwn() {
        StringWriter out = new StringWriter();
        Terminal term = new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()), false);
        RunHooks hooks = new ProgressView(term);

        hooks.applyFailed(dev.berth.engine.addrs.ResourceInstanceAddr.parse("data.x_y.z").orElseThrow(),
                dev.berth.engine.plan.Action.READ, List.of());

        assertEquals("", out.toString());
    }
}
