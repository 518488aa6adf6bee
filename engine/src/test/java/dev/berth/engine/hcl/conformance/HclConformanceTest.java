package dev.berth.engine.hcl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every corpus file must be read by berth exactly as HashiCorp's own parser reads it. */
class HclConformanceTest {
    static final Path VALID = Path.of("src/test/resources/hcl-corpus/valid");
    static final Path INVALID = Path.of("src/test/resources/hcl-corpus/invalid");

    private static Map<Path, Oracle.Verdict> verdicts;

    @BeforeAll
    static void runOracle() throws Exception {
        verdicts = Oracle.run(Stream.concat(Corpus.files(VALID).stream(), Corpus.files(INVALID).stream()).toList());
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(Corpus.files(VALID).size() >= 50, "valid corpus");
        assertTrue(Corpus.files(INVALID).size() >= 12, "invalid corpus");
    }

    @TestFactory
    Stream<DynamicTest> validFilesMatchTheOracle() {
        return Corpus.files(VALID).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Oracle.Verdict v = verdicts.get(f);
            assertTrue(v.accepted(), () -> "HashiCorp's parser rejects " + f + ": " + v.error());
            String text = Files.readString(f);
            ParseResult r = HclParser.parse(f.getFileName().toString(), text);
            assertEquals(List.of(), r.diagnostics(), "berth rejects " + f);
            JsonNode ours = Corpus.normalise(new HclJson(text).body(r.file().body()));
            JsonNode theirs = Corpus.normalise(v.json());
            assertEquals(theirs.toPrettyString(), ours.toPrettyString(), f.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidFilesAreRejectedByBoth() {
        return Corpus.files(INVALID).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            assertFalse(verdicts.get(f).accepted(), "HashiCorp's parser accepts " + f);
            assertTrue(HclParser.parse(f.getFileName().toString(), Files.readString(f)).hasErrors(), "berth accepts " + f);
        }));
    }
}
