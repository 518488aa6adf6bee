package dev.berth.engine.hcl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The corpus files and the normalisation applied to both JSON trees before comparing them. */
final class Corpus {
    private Corpus() {
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".hcl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keys sorted (JSON objects are unordered) and numbers compared by value: hcl2json prints
     * 1e3 as 1000 and 3.0 as 3, so both sides become BigDecimals without trailing zeros. Nothing
     * else is normalised: expression text must match byte for byte.
     */
    static JsonNode normalise(JsonNode n) {
        if (n.isNumber()) return HclJson.F.numberNode(new BigDecimal(n.asText()).stripTrailingZeros());
        if (n.isArray()) {
            ArrayNode a = HclJson.F.arrayNode();
            n.forEach(e -> a.add(normalise(e)));
            return a;
        }
        if (n.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            n.fields().forEachRemaining(e -> sorted.put(e.getKey(), normalise(e.getValue())));
            ObjectNode o = HclJson.F.objectNode();
            sorted.forEach(o::set);
            return o;
        }
        return n;
    }
}
