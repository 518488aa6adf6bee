package dev.berth.cli.view;

import dev.berth.cli.view.json.stream.HookMessages;
import dev.berth.cli.view.json.stream.PlanMessages;
import dev.berth.cli.view.json.stream.ResultMessages;
import dev.berth.cli.view.json.stream.UiStream;
import dev.berth.engine.apply.Applier;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.VariableSources;
import dev.berth.engine.run.VariableValues;
import dev.berth.engine.value.Value;
import dev.berth.state.SqliteStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Replays the Terraform 1.11.4 captures of {@code src/test/resources/terraform-json-ui} (written by
 * {@code scripts/json-ui-oracle.sh}) through berth's planner, applier and streaming JSON view,
 * with Terraform's built-in provider imitated and the tool named "Terraform 1.11.4": every
 * message must be Terraform's, byte for byte once timestamps and ids are normalised. Terraform
 * orders messages of one kind by its parallel walk and berth by address, so the messages are
 * compared as a multiset, and their kinds in sequence.
 */
class JsonStreamParityTest {
    static final Path CAPTURES = Path.of("src/test/resources/terraform-json-ui");
    static final String TIME = "2006-01-02T15:04:05.000000Z";
    static final String ID = "00000000-0000-0000-0000-000000000000";

    @TempDir
    Path dir;
    private Providers providers;
    private SqliteStateStore store;

    @BeforeEach
    void open() {
        providers = new Providers(List.of(new TerraformBuiltins(dir)));
        store = SqliteStateStore.open(dir.resolve("berth.db"));
    }

    @AfterEach
    void close() {
        store.close();
        providers.close();
    }

    static String capture(String name) {
        try {
            return Files.readString(CAPTURES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Timestamps fixed (the clock below), berth's imitated ids made Terraform's normalised one. */
    static List<String> normalised(String stream) {
        return stream.lines().map(l -> l.replaceAll("id-\\d+", ID)).toList();
    }

    /** Consecutive messages of one kind counted once, start and end of a step as one kind. */
    static List<String> kinds(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String t = l.replaceAll(".*\"type\":\"([a-z_]+)\".*", "$1").replaceAll("_(start|complete)$", "");
            if (out.isEmpty() || !out.get(out.size() - 1).equals(t)) out.add(t);
        }
        return out;
    }

    static void assertSameStream(String capture, String berth) {
        List<String> expected = normalised(capture(capture));
        List<String> actual = normalised(berth);
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(), capture);
        assertEquals(kinds(expected), kinds(actual), capture);
    }

    /** Loads {@code tf} of the captures into the temporary directory, or a file already in {@code at}. */
    private Config configure(Path at, String tf) throws IOException {
        if (at.equals(dir)) Files.copy(CAPTURES.resolve(tf), dir.resolve("main.tf"), StandardCopyOption.REPLACE_EXISTING);
        Evaluator evaluator = new Evaluator(FunctionRegistry.standard(), at);
        ConfigLoader.Result r = new ConfigLoader(new SourceFiles(), new StaticEvaluator(evaluator)).load(at);
        assertEquals(List.of(), r.diagnostics());
        return r.config();
    }

    private Map<String, Value> variables(Config config, String... vars) {
        Diagnostics d = new Diagnostics();
        List<VariableSources.Given> given = new ArrayList<>();
        for (String v : vars) given.add(new VariableSources.Given.Var(v));
        Evaluator evaluator = new Evaluator(FunctionRegistry.standard(), dir);
        Map<String, Value> values = VariableValues.resolve(config, VariableSources.collect(dir, Map.of(), given,
                new SourceFiles(), d), evaluator, d);
        assertFalse(d.hasErrors(), d.list()::toString);
        return values;
    }

    /** What {@code plan -json} (apply false) or {@code apply -json -auto-approve} prints for the configuration. */
    private String run(String tf, Plan.Mode mode, boolean apply, String... vars) throws IOException {
        return run(dir, tf, mode, apply, vars);
    }

    private String run(Path at, String tf, Plan.Mode mode, boolean apply, String... vars) throws IOException {
        Config config = configure(at, tf);
        StringWriter out = new StringWriter();
        UiStream ui = new UiStream(new PrintWriter(out, true), Clock.fixed(Instant.parse(TIME), ZoneOffset.UTC));
        HookMessages hooks = new HookMessages(ui, new StillRunning.Timing(StillRunning.INTERVAL,
                (interval, task) -> () -> { }, ui.clock()));
        ui.version("Terraform", "1.11.4");
        Planner.Result r = new Planner(providers, FunctionRegistry.standard(), hooks).plan(config, store.read(),
                variables(config, vars), new Planner.Options(mode, true, 1));
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        new PlanMessages(ui).write(r.plan());
        if (apply) {
            Applier.Result a = new Applier(providers, FunctionRegistry.standard(), store, hooks).apply(config, r.plan(), 1);
            assertFalse(a.hasErrors(), a.diagnostics()::toString);
            new ResultMessages(ui).applied(mode, a, Map.of());
        }
        return out.toString();
    }

    @Test
    void aFirstPlanAndApplyStreamTerraformsMessages() throws IOException {
        assertSameStream("01-plan-create.jsonl", run("v1.tf", Plan.Mode.NORMAL, false));
        assertSameStream("02-apply-create.jsonl", run("v1.tf", Plan.Mode.NORMAL, true));
    }

    @Test
    void anUpdateAReplacementAndADeleteStreamTerraformsMessages() throws IOException {
        run("v1.tf", Plan.Mode.NORMAL, true);
        assertSameStream("03-plan-changes.jsonl", run("v2.tf", Plan.Mode.NORMAL, false, "desired_count=3"));
        assertSameStream("04-apply-changes.jsonl", run("v2.tf", Plan.Mode.NORMAL, true, "desired_count=3"));
    }

    @Test
    void aDataSourceReadDuringPlanIsAnApplyOfActionRead() throws IOException {
        Files.createDirectories(dir.resolve("other"));
        Files.copy(DataSourceParityTest.CAPTURES.resolve("other.tfstate"), dir.resolve("other/terraform.tfstate"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.copy(DataSourceParityTest.CAPTURES.resolve("read-now.tf"), work.resolve("main.tf"));
        providers.close();
        providers = new Providers(List.of(new TerraformBuiltins(work)));

        assertSameStream("15-plan-read-now.jsonl", run(work, "main.tf", Plan.Mode.NORMAL, false));
    }

    @Test
    void aDestroyStreamsTerraformsMessages() throws IOException {
        run("v1.tf", Plan.Mode.NORMAL, true);
        run("v2.tf", Plan.Mode.NORMAL, true, "desired_count=3");
        run("v3.tf", Plan.Mode.NORMAL, true, "desired_count=3");
        assertSameStream("08-plan-destroy.jsonl", run("v4.tf", Plan.Mode.DESTROY, false));
        assertSameStream("09-destroy.jsonl", run("v4.tf", Plan.Mode.DESTROY, true));
    }
}
