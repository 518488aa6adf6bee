package dev.berth.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.view.StateDocument;
import dev.berth.cli.view.StateJson;
import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.checksum.ContentChecksum;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile state documents through {@code state push}'s reader, against a state holding secrets
 * (which a pushed document gets back from it). Each input is read as it is (the checksum must
 * turn away anything pull did not write) and with its checksum made to match, so the decoder
 * behind it is fuzzed too. A document that is accepted must print back (pull) without error.
 */
class StateDocumentFuzzTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\bjava\\.(lang|util|io|math|time|net|nio)\\.\\w|\\bcom\\.fasterxml\\.\\w|\\bdev\\.berth\\.\\w|\\tat ");

    /** The state the documents would replace: a secret attribute, a counted instance, a deposed object, outputs. */
    static StateSnapshot current() {
        ResourceState td = new ResourceState(new ResourceAddr("ecs_task_definition", "web").instance(InstanceKey.NONE),
                "berth.dev/builtin/ecs", 0, new MapValue(Map.of("family", Value.of("web"),
                "execution_role_arn", Value.sensitive(Value.of("arn:secret")),
                "tags", Value.map(Map.of("pw", Value.sensitive(Value.of("hunter2")))),
                "ports", Value.list(List.of(Value.of(80), Value.sensitive(Value.of(443)))))), List.of(), false);
        ResourceState c0 = new ResourceState(new ResourceAddr("ecs_cluster", "c").instance(InstanceKey.of(0)),
                "berth.dev/builtin/ecs", 0, new MapValue(Map.of("name", Value.of("a"))), List.of(), true);
        ResourceState k = new ResourceState(new ResourceAddr("ecs_cluster", "k").instance(InstanceKey.of("blue")),
                "berth.dev/builtin/ecs", 0, new MapValue(Map.of("name", Value.of("b"), "n", Value.of(new java.math.BigDecimal("1.50")))),
                List.of("ecs_cluster.c"), false);
        ResourceState data = new ResourceState(ResourceAddr.data("ecs_cluster", "d").instance(InstanceKey.NONE),
                "berth.dev/builtin/ecs", 0, new MapValue(Map.of("name", Value.of("d"))), List.of(), false);
        return new StateSnapshot("lineage-1", 5, Map.of(td.addr(), td, c0.addr(), c0, k.addr(), k, data.addr(), data),
                Map.of("url", new OutputState("url", Value.of("http://x/"), false),
                        "token", new OutputState("token", Value.of("s3cret"), true)),
                List.of(new DeposedObject("0badc0de", c0)));
    }

    @FuzzTest(maxDuration = "20s")
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void push(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        readOrRefuse(text, text);
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (tree instanceof ObjectNode root) readOrRefuse(ContentChecksum.seal(root).toString(), text);
    }

    private static void readOrRefuse(String doc, String input) {
        StateSnapshot current = current();
        StateSnapshot read;
        try {
            read = StateDocument.read(doc, "fuzz.tfstate", current);
        } catch (StateDocument.Refused e) {
            String m = e.getMessage();
            if (m == null || !m.contains("fuzz.tfstate")) throw new AssertionError("the refusal does not name the file: " + m);
            var found = JAVA_INTERNALS.matcher(m);
            while (found.find()) {
                if (!input.contains(found.group())) throw new AssertionError("a refusal shows Java internals: " + m);
            }
            return;
        }
        // What was accepted is a state berth can print and read back to the same snapshot.
        String again = new StateJson("fuzz").render(read);
        assertEquals(read, StateDocument.read(again, "again.tfstate", read), "a pushed state reads back as itself");
    }
}
