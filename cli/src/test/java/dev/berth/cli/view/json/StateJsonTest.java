package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.cli.view.json.JsonFixtures.assertJson;
import static dev.berth.cli.view.json.JsonFixtures.obj;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** show -json without a plan file: Terraform's JSON state representation. */
class StateJsonTest {
    @Test
    void noStateIsOnlyTheFormatVersion() {
        assertJson("{'format_version': '1.0'}", JsonFixtures.parse(JsonDocs.print(new StateJson("0.1.0").document(null))));
    }

    @Test
    void stateShowsValuesWithSensitiveOnesHidden() {
        Value secret = Value.sensitive(Value.of("hunter2"));
        ResourceState a = new ResourceState(new ResourceAddr("test_thing", "a").instance(InstanceKey.of("k")),
                "berth.dev/builtin/test", 1, obj("pw", secret, "n", Value.of(3),
                "l", Value.list(List.of(Value.of("x"), secret))), List.of(), false);
        StateSnapshot s = new StateSnapshot("L", 2, Map.of(a.addr(), a),
                Map.of("o", new OutputState("o", Value.list(List.of(Value.of(1), Value.of("a"))), false),
                        "p", new OutputState("p", secret, true)));
        String text = JsonDocs.print(new StateJson("0.1.0").document(s));
        assertFalse(text.contains("hunter2"), text);
        JsonNode d = JsonFixtures.parse(text);
        assertJson("""
                {'format_version': '1.0', 'terraform_version': '0.1.0', 'values': {
                  'outputs': {'o': {'sensitive': false, 'value': [1, 'a'], 'type': ['tuple', ['number', 'string']]},
                              'p': {'sensitive': true, 'value': null, 'type': 'string'}},
                  'root_module': {'resources': [{'address': 'test_thing.a[\\"k\\"]', 'mode': 'managed',
                    'type': 'test_thing', 'name': 'a', 'index': 'k', 'provider_name': 'berth.dev/builtin/test',
                    'schema_version': 1, 'values': {'l': ['x', null], 'n': 3, 'pw': null},
                    'sensitive_values': {'l': [false, true], 'pw': true}}]}}}""", d);
    }
}
