package dev.berth.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.view.json.stream.HookMessages;
import dev.berth.cli.view.json.stream.PlanMessages;
import dev.berth.cli.view.json.stream.ResultMessages;
import dev.berth.cli.view.json.stream.UiStream;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The messages of {@code src/test/resources/terraform-json-ui} that berth's imitation of
 * Terraform's provider cannot replay (a provisioner that fails, a precondition, a move seen by
 * a refresh-only plan), written from the same events and compared with Terraform's.
 */
class JsonStreamEdgesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final UiStream ui = new UiStream(new PrintWriter(out, true),
            Clock.fixed(Instant.parse(JsonStreamParityTest.TIME), ZoneOffset.UTC));

    static ResourceInstanceAddr addr(String name) {
        return new ResourceInstanceAddr(new ResourceAddr("terraform_data", name), InstanceKey.NONE);
    }

    static List<String> captured(String capture, String type) {
        return JsonStreamParityTest.capture(capture).lines().filter(l -> l.contains("\"type\":\"" + type + "\"")).toList();
    }

    @Test
    void aFailedCreateIsAnnouncedThenReportedErrored() {
        HookMessages hooks = new HookMessages(ui, new StillRunning.Timing(StillRunning.INTERVAL,
                (interval, task) -> () -> { }, ui.clock()));
        hooks.applying(addr("broken"), Action.CREATE, "");
        hooks.applyFailed(addr("broken"), Action.CREATE, List.of(Diagnostic.error("local-exec provisioner error")));

        List<String> expected = JsonStreamParityTest.capture("14-apply-failures.jsonl").lines()
                .filter(l -> l.contains("terraform_data.broken: Creat")).toList();
        assertEquals(expected, out.toString().lines().toList());
    }

    @Test
    void aDiagnosticIsValidateJsonsObjectInAMessage() throws Exception {
        String file = JsonStreamParityTest.capture("failures.tf");
        SourceFiles files = new SourceFiles();
        files.put("main.tf", file);
        int from = file.indexOf("terraform_data.base.output ==");
        int to = file.indexOf("\"other\"\n") + "\"other\"".length();
        Diagnostic d = Diagnostic.error("Resource precondition failed", "The base must be \"other\".",
                new SourceRange("main.tf", 10, 23, 10, 60, from, to));

        new ResultMessages(ui).diagnostics(List.of(d), files);

        JsonNode expected = JSON.readTree(captured("14-apply-failures.jsonl", "diagnostic").stream()
                .filter(l -> l.contains("precondition")).findFirst().orElseThrow());
        // berth's diagnostics name neither the enclosing block nor the values of the references.
        ObjectNode snippet = (ObjectNode) expected.at("/diagnostic/snippet");
        snippet.putNull("context");
        snippet.putArray("values");
        assertEquals(expected.toString(), out.toString().strip());
    }

    @Test
    void aRefreshOnlyPlanReportsAMoveAsDriftAndListsTheOutputsUnchanged() {
        MapValue site = new MapValue(Map.of("id", Value.of("x"), "input", Value.of("web-3")));
        ResourceChange moved = new ResourceChange(addr("site"), "terraform", Action.NO_OP, site, site, List.of(),
                ActionReason.NONE, addr("web"));
        StateSnapshot prior = new StateSnapshot("lineage", 3, Map.of(), Map.of(
                "url", new dev.berth.engine.state.OutputState("url", Value.of("http://127.0.0.1:8080"), false),
                "token", new dev.berth.engine.state.OutputState("token", Value.of("s3cret"), true)));

        new PlanMessages(ui).write(new Plan(Plan.Mode.REFRESH_ONLY, prior, Map.of(), List.of(moved), List.of(), List.of()));

        List<String> expected = JsonStreamParityTest.capture("06-plan-refresh-only.jsonl").lines()
                .filter(l -> l.matches(".*\"type\":\"(resource_drift|change_summary|outputs)\".*")).toList();
        assertEquals(expected, out.toString().lines().toList());
    }

    @Test
    void textIsEscapedAsGoEscapesItForHtml() throws Exception {
        // Terraform 1.11.4 on a variable whose validation says "x must be > 5 & < 10.".
        new ResultMessages(ui).diagnostics(List.of(Diagnostic.error("Invalid value for variable",
                "x must be > 5 & < 10.\u2028", null)), new SourceFiles());

        assertEquals(true, out.toString().contains("\"detail\":\"x must be \\u003e 5 \\u0026 \\u003c 10.\\u2028\""),
                out::toString);
        assertEquals("x must be > 5 & < 10.\u2028", JSON.readTree(out.toString()).at("/diagnostic/detail").asText());
    }

    @Test
    void aNoteForPeopleIsALogMessage() {
        ui.log("\nInterrupt received.\n");
        assertEquals("{\"@level\":\"info\",\"@message\":\"\\nInterrupt received.\\n\",\"@module\":\"terraform.ui\","
                + "\"@timestamp\":\"2006-01-02T15:04:05.000000Z\",\"type\":\"log\"}", out.toString().strip());
    }

    @Test
    void driftFoundByANormalPlanIsNamedByItsAction() throws Exception {
        MapValue before = new MapValue(Map.of("id", Value.of("x"), "input", Value.of("web-2")));
        ResourceChange drifted = new ResourceChange(addr("web"), "terraform", Action.UPDATE, before,
                before.with("input", Value.of("web-9")), List.of(), ActionReason.NONE);
        new PlanMessages(ui).write(new Plan(Plan.Mode.NORMAL, StateSnapshot.empty("l"), Map.of(), List.of(), List.of(),
                List.of(drifted, new ResourceChange(addr("same"), "terraform", Action.NO_OP, before, before, List.of(),
                        ActionReason.NONE))));

        JsonNode first = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        assertEquals("terraform_data.web: Drift detected (update)", first.get("@message").asText());
        assertEquals("resource_drift", first.get("type").asText());
        assertEquals("update", first.at("/change/action").asText());
        assertEquals(List.of("resource_drift", "change_summary"), out.toString().lines()
                .map(l -> l.replaceAll(".*\"type\":\"([a-z_]+)\".*", "$1")).toList(), out::toString);
    }
}
