package dev.berth.cli.ecs.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** berth's shorthand parser against the AWS CLI's own (shorthand-expected.json, from scripts/ecs-shorthand-oracle.py). */
class ShorthandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> parsesAsTheAwsCliDoes() throws IOException {
        JsonNode expected = JSON.readTree(Path.of("src/test/resources/ecs-cli/shorthand-expected.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : expected.get("cases")) {
            String input = c.get("input").asText();
            tests.add(DynamicTest.dynamicTest(input, () -> {
                if (c.has("error")) {
                    Shorthand.ParseError e = assertThrows(Shorthand.ParseError.class, () -> Shorthand.parse(input));
                    assertEquals(c.get("error").asText(), e.getMessage());
                } else {
                    assertEquals(c.get("result"), Unpacker.toNode(Shorthand.parse(input)));
                }
            }));
        }
        return tests.stream();
    }
}
