package dev.berth.cli.ecs.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming reader gives every operation and shape of model.json as its JSON tree spells them. */
class ModelReaderTest {
    @Test
    void readsEveryOperationShapeAndWideRangeAsTheTreeHasThem() throws Exception {
        JsonNode root;
        try (InputStream in = EcsModel.class.getResourceAsStream("/dev/berth/cli/ecs/model.json")) {
            root = new ObjectMapper().readTree(in);
        }
        EcsModel model = EcsModel.get();

        List<String> commands = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.get("operations").properties()) {
            JsonNode o = e.getValue();
            JsonNode p = o.get("paginator");
            Paginator pag = p == null ? null : new Paginator(p.get("input_token").asText(),
                    p.get("output_token").asText(), p.get("limit_key").asText(), p.get("result_key").asText());
            assertEquals(new Operation(e.getKey(), o.get("command").asText(), o.get("input").asText(),
                    o.get("output").asText(), pag), model.operation(e.getKey()));
            commands.add(o.get("command").asText());
        }
        assertEquals(commands, List.copyOf(model.commands().keySet()));

        int shapes = 0;
        for (Map.Entry<String, JsonNode> e : root.get("shapes").properties()) {
            JsonNode s = e.getValue();
            List<Member> members = new ArrayList<>();
            if (s.has("members")) {
                for (JsonNode m : s.get("members")) members.add(new Member(m.get(0).asText(), m.get(1).asText(), m.get(2).asText()));
            }
            assertEquals(new Shape(e.getKey(), s.get("type").asText(), members, texts(s.get("required")),
                    texts(s.get("idempotencyTokens")), texts(s.get("berthMembers")), text(s.get("member")),
                    text(s.get("key")), text(s.get("value")), text(s.get("enum0"))), model.shape(e.getKey()));
            shapes++;
        }
        assertTrue(shapes > 200, "model.json has its shapes");

        for (JsonNode r : root.get("wideCodePoints")) {
            assertTrue(model.isWide(r.get(0).asInt()));
            assertTrue(model.isWide(r.get(1).asInt()));
        }
        assertFalse(model.isWide('a'));
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String text(JsonNode n) {
        return n == null ? null : n.asText();
    }
}
