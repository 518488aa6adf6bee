package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.berth.cli.view.json.JsonFixtures.assertJson;
import static dev.berth.cli.view.json.JsonFixtures.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON plan document of a hand-made plan shaped like the reference 04-plan.json. */
class PlanJsonTest {
    static final String P = "berth.dev/builtin/test";
    static final String CONFIG = """
            variable "token" {
              default   = "s3cret"
              sensitive = true
            }
            variable "replicas" {
              default     = 2
              description = "How many"
            }
            variable "free" {}
            locals {
              x = 1
            }
            resource "test_thing" "web" {
              input = { token = var.token, family = "web" }
            }
            resource "test_thing" "worker" {
              count    = 1
              input    = "worker-${count.index}"
              triggers = ["v2"]
              lifecycle {
                create_before_destroy = false
              }
            }
            resource "test_thing" "each" {
              for_each = { blue = 1 }
              name     = each.key
              nested {
                a = 1
              }
              nested {
                b = local.x
              }
            }
            output "family" {
              value = test_thing.web.output.family
            }
            output "secret" {
              value     = var.token
              sensitive = true
            }
            """;

    static ResourceInstanceAddr addr(String name, InstanceKey key) {
        return new ResourceAddr("test_thing", name).instance(key);
    }

    static final Value SECRET = Value.sensitive(Value.of("s3cret"));
    static final MapValue WEB_BEFORE = obj("id", Value.of("w1"), "input", obj("family", Value.of("web"), "token", SECRET),
            "output", obj("family", Value.of("web"), "token", SECRET));
    static final MapValue WEB_AFTER = obj("id", Value.of("w1"), "input", obj("family", Value.of("web"), "token", SECRET),
            "output", Value.unknown());

    static Plan plan() {
        List<ResourceChange> changes = new ArrayList<>();
        changes.add(new ResourceChange(addr("each", InstanceKey.of("blue")), P, Action.CREATE, null,
                obj("name", Value.of("blue"), "id", Value.unknown(), "nested", Value.list(List.of(obj("a", Value.of(1)),
                        obj("b", Value.unknown())))), List.of(), ActionReason.NONE));
        changes.add(new ResourceChange(addr("old", InstanceKey.NONE), P, Action.DELETE,
                obj("id", Value.of("o1"), "input", Value.of("legacy")), null, List.of(),
                ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG));
        changes.add(new ResourceChange(addr("web", InstanceKey.NONE), P, Action.UPDATE, WEB_BEFORE, WEB_AFTER, List.of(),
                ActionReason.NONE));
        changes.add(new ResourceChange(addr("worker", InstanceKey.of(0)), P, Action.DELETE_THEN_CREATE,
                obj("id", Value.of("k0"), "input", Value.of("worker-0"), "triggers", Value.list(List.of(Value.of("v1")))),
                obj("id", Value.unknown(), "input", Value.of("worker-0"), "triggers", Value.list(List.of(Value.of("v2")))),
                List.of(List.of("triggers"), List.of("nested", 0, "a")), ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE));
        changes.add(new ResourceChange(addr("worker", InstanceKey.of(1)), P, Action.DELETE,
                obj("id", Value.of("k1")), null, List.of(), ActionReason.DELETE_BECAUSE_COUNT_INDEX));
        List<OutputChange> outputs = List.of(
                new OutputChange("family", Action.UPDATE, Value.of("web"), Value.unknown(), false),
                new OutputChange("gone", Action.DELETE, Value.of("bye"), null, false),
                new OutputChange("secret", Action.CREATE, null, SECRET, true));
        ResourceState web = new ResourceState(addr("web", InstanceKey.NONE), P, 2, WEB_BEFORE, List.of("test_thing.old"), false);
        ResourceState old = new ResourceState(addr("old", InstanceKey.NONE), P, 2,
                obj("id", Value.of("o1"), "input", Value.of("legacy")), List.of(), true);
        StateSnapshot prior = new StateSnapshot("L", 4, Map.of(web.addr(), web, old.addr(), old),
                Map.of("family", new OutputState("family", Value.of("web"), false),
                        "pw", new OutputState("pw", SECRET, true)));
        ResourceChange drift = new ResourceChange(addr("web", InstanceKey.NONE), P, Action.UPDATE,
                obj("id", Value.of("w1"), "n", Value.of(1)), obj("id", Value.of("w1"), "n", Value.of(2)), List.of(),
                ActionReason.NONE);
        Map<String, Value> vars = Map.of("token", SECRET, "replicas", Value.of(2), "free", Value.list(List.of(Value.of("a"))));
        return new Plan(Plan.Mode.NORMAL, prior, vars, changes, outputs, List.of(drift));
    }

    static String printed(Plan plan) {
        return JsonDocs.print(new PlanJson("0.1.0", JsonFixtures.providers(), JsonFixtures.evaluator())
                .document(plan, JsonFixtures.config(CONFIG), Instant.parse("2025-06-07T08:09:10.555Z")));
    }

    static JsonNode doc() {
        return JsonFixtures.parse(printed(plan()));
    }

    static JsonNode change(JsonNode doc, String address) {
        for (JsonNode c : doc.get("resource_changes")) if (c.get("address").asText().equals(address)) return c;
        throw new AssertionError("no change for " + address);
    }

    @Test
    void topLevelKeysAreTerraformsInTerraformsOrder() {
        List<String> keys = new ArrayList<>();
        doc().fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("format_version", "terraform_version", "variables", "planned_values", "resource_drift",
                "resource_changes", "output_changes", "prior_state", "configuration", "relevant_attributes",
                "timestamp", "applyable", "complete", "errored"), keys);
        JsonNode d = doc();
        assertEquals("1.2", d.get("format_version").asText());
        assertEquals("0.1.0", d.get("terraform_version").asText());
        assertEquals("2025-06-07T08:09:10Z", d.get("timestamp").asText());
        assertTrue(d.get("applyable").asBoolean());
        assertTrue(d.get("complete").asBoolean());
        assertFalse(d.get("errored").asBoolean());
        assertJson("[]", d.get("relevant_attributes"));
    }

    @Test
    void noSensitiveValueAppearsAnywhereInTheText() {
        String text = printed(plan());
        assertFalse(text.contains("s3cret"), text);
        assertTrue(text.endsWith("}\n") && !text.substring(0, text.length() - 1).contains("\n"), "one line");
    }

    @Test
    void variablesHideSensitiveValues() {
        assertJson("{'free': {'value': ['a']}, 'replicas': {'value': 2}, 'token': {'value': null}}",
                doc().get("variables"));
    }

    @Test
    void updateDerivesUnknownAndSensitiveShapesAsTerraformDoes() {
        JsonNode web = change(doc(), "test_thing.web");
        assertJson("""
                {'address': 'test_thing.web', 'mode': 'managed', 'type': 'test_thing', 'name': 'web',
                 'provider_name': 'berth.dev/builtin/test',
                 'change': {'actions': ['update'],
                   'before': {'id': 'w1', 'input': {'family': 'web', 'token': null}, 'output': {'family': 'web', 'token': null}},
                   'after': {'id': 'w1', 'input': {'family': 'web', 'token': null}},
                   'after_unknown': {'input': {}, 'output': true},
                   'before_sensitive': {'input': {'token': true}, 'output': {'token': true}},
                   'after_sensitive': {'input': {'token': true}}}}""", web);
    }

    @Test
    void replaceCarriesReplacePathsActionReasonAndCountIndex() {
        JsonNode w0 = change(doc(), "test_thing.worker[0]");
        assertEquals(0, w0.get("index").intValue());
        assertTrue(w0.get("index").isInt(), "a count index is a number");
        assertJson("['delete', 'create']", w0.get("change").get("actions"));
        assertJson("[['triggers'], ['nested', 0, 'a']]", w0.get("change").get("replace_paths"));
        assertJson("{'id': true, 'triggers': [false]}", w0.get("change").get("after_unknown"));
        assertJson("{'triggers': [false]}", w0.get("change").get("after_sensitive"));
        assertEquals("replace_because_cannot_update", w0.get("action_reason").asText());
    }

    @Test
    void deleteAndCreateHaveTerraformsEmptyMarkers() {
        JsonNode old = change(doc(), "test_thing.old");
        assertJson("{'actions': ['delete'], 'before': {'id': 'o1', 'input': 'legacy'}, 'after': null, "
                + "'after_unknown': {}, 'before_sensitive': {}, 'after_sensitive': false}", old.get("change"));
        assertEquals("delete_because_no_resource_config", old.get("action_reason").asText());
        assertFalse(old.has("index"));
        assertEquals("delete_because_count_index", change(doc(), "test_thing.worker[1]").get("action_reason").asText());

        JsonNode blue = change(doc(), "test_thing.each[\"blue\"]");
        assertTrue(blue.get("index").isTextual(), "a for_each key is a string");
        assertEquals("blue", blue.get("index").asText());
        assertJson("{'actions': ['create'], 'before': null, 'after': {'name': 'blue', 'nested': [{'a': 1}, {}]}, "
                + "'after_unknown': {'id': true, 'nested': [{}, {'b': true}]}, 'before_sensitive': false, "
                + "'after_sensitive': {'nested': [{}, {}]}}", blue.get("change"));
        assertFalse(blue.has("action_reason"));
        assertFalse(blue.get("change").has("replace_paths"));
    }

    @Test
    void plannedValuesLeaveOutDeletesAndUnknowns() {
        JsonNode pv = doc().get("planned_values");
        assertJson("{'family': {'sensitive': false}, 'secret': {'sensitive': true, 'value': null, 'type': 'string'}}",
                pv.get("outputs"));
        List<String> addresses = new ArrayList<>();
        pv.get("root_module").get("resources").forEach(r -> addresses.add(r.get("address").asText()));
        assertEquals(List.of("test_thing.each[\"blue\"]", "test_thing.web", "test_thing.worker[0]"), addresses);
        JsonNode web = pv.get("root_module").get("resources").get(1);
        assertJson("{'address': 'test_thing.web', 'mode': 'managed', 'type': 'test_thing', 'name': 'web', "
                + "'provider_name': 'berth.dev/builtin/test', 'schema_version': 2, "
                + "'values': {'id': 'w1', 'input': {'family': 'web', 'token': null}}, "
                + "'sensitive_values': {'input': {'token': true}}}", web);
    }

    @Test
    void outputChangesUseTheSensitiveFlagAndLeaveOutAnUnknownAfter() {
        JsonNode oc = doc().get("output_changes");
        assertJson("{'actions': ['update'], 'before': 'web', 'after_unknown': true, 'before_sensitive': false, "
                + "'after_sensitive': false}", oc.get("family"));
        assertJson("{'actions': ['delete'], 'before': 'bye', 'after': null, 'after_unknown': false, "
                + "'before_sensitive': false, 'after_sensitive': false}", oc.get("gone"));
        assertJson("{'actions': ['create'], 'before': null, 'after': null, 'after_unknown': false, "
                + "'before_sensitive': true, 'after_sensitive': true}", oc.get("secret"));
    }

    @Test
    void driftHasTheResourceChangeShape() {
        JsonNode drift = doc().get("resource_drift");
        assertEquals(1, drift.size());
        assertJson("{'address': 'test_thing.web', 'mode': 'managed', 'type': 'test_thing', 'name': 'web', "
                + "'provider_name': 'berth.dev/builtin/test', 'change': {'actions': ['update'], "
                + "'before': {'id': 'w1', 'n': 1}, 'after': {'id': 'w1', 'n': 2}, 'after_unknown': {}, "
                + "'before_sensitive': {}, 'after_sensitive': {}}}", drift.get(0));
    }

    @Test
    void priorStateIsTheStateRepresentation() {
        JsonNode ps = doc().get("prior_state");
        assertEquals("1.0", ps.get("format_version").asText());
        assertEquals("0.1.0", ps.get("terraform_version").asText());
        assertJson("{'family': {'sensitive': false, 'value': 'web', 'type': 'string'}, "
                + "'pw': {'sensitive': true, 'value': null, 'type': 'string'}}", ps.get("values").get("outputs"));
        JsonNode resources = ps.get("values").get("root_module").get("resources");
        assertJson("{'address': 'test_thing.old', 'mode': 'managed', 'type': 'test_thing', 'name': 'old', "
                + "'provider_name': 'berth.dev/builtin/test', 'schema_version': 2, "
                + "'values': {'id': 'o1', 'input': 'legacy'}, 'sensitive_values': {}, 'tainted': true}", resources.get(0));
        assertJson("['test_thing.old']", resources.get(1).get("depends_on"));
        assertJson("{'input': {'token': true}, 'output': {'token': true}}", resources.get(1).get("sensitive_values"));
    }

    @Test
    void configurationShowsReferencesConstantsAndMetaArguments() {
        JsonNode c = doc().get("configuration");
        assertJson("{'test': {'name': 'test', 'full_name': 'berth.dev/builtin/test'}}", c.get("provider_config"));
        JsonNode root = c.get("root_module");
        assertJson("{'family': {'expression': {'references': ['test_thing.web.output.family', 'test_thing.web.output', "
                + "'test_thing.web']}}, 'secret': {'sensitive': true, 'expression': {'references': ['var.token']}}}",
                root.get("outputs"));
        JsonNode resources = root.get("resources");
        assertJson("{'address': 'test_thing.each', 'mode': 'managed', 'type': 'test_thing', 'name': 'each', "
                + "'provider_config_key': 'test', 'expressions': {'name': {'references': ['each.key']}, "
                + "'nested': [{'a': {'constant_value': 1}}, {'b': {'references': ['local.x']}}]}, 'schema_version': 2, "
                + "'for_each_expression': {'constant_value': {'blue': 1}}}", resources.get(0));
        assertJson("{'input': {'references': ['var.token']}}", resources.get(1).get("expressions"));
        JsonNode worker = resources.get(2);
        assertEquals("test_thing.worker", worker.get("address").asText());
        assertJson("{'input': {'references': ['count.index']}, 'triggers': {'constant_value': ['v2']}}",
                worker.get("expressions"));
        assertJson("{'constant_value': 1}", worker.get("count_expression"));
        assertJson("{'free': {}, 'replicas': {'default': 2, 'description': 'How many'}, "
                + "'token': {'default': null, 'sensitive': true}}", root.get("variables"));
    }

    @Test
    void anEmptyPlanIsNotApplyable() {
        Plan empty = new Plan(Plan.Mode.NORMAL, StateSnapshot.empty("L"), Map.of(), List.of(), List.of(), List.of());
        JsonNode d = JsonFixtures.parse(printed(empty));
        assertFalse(d.get("applyable").asBoolean());
        assertJson("[]", d.get("resource_changes"));
        assertJson("{'outputs': {}, 'root_module': {'resources': []}}", d.get("planned_values"));
    }
}
