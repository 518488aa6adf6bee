package dev.berth.engine.hcl.conformance;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.hcl.HclParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each malformed corpus file has its diagnostics pinned in a sibling .diag file, one
 * "file:line:column: summary" per line, so a change in what or where berth reports shows up.
 * (That HashiCorp's parser rejects them too is checked in {@link HclConformanceTest}.)
 */
class InvalidCorpusTest {
    @TestFactory
    Stream<DynamicTest> diagnosticsArePinned() {
        return Corpus.files(HclConformanceTest.INVALID).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString();
            StringBuilder actual = new StringBuilder();
            for (Diagnostic d : HclParser.parse(name, Files.readString(f)).diagnostics()) {
                actual.append(name).append(':').append(d.range().line()).append(':').append(d.range().column())
                        .append(": ").append(d.summary()).append('\n');
            }
            Path expected = f.resolveSibling(name.replace(".hcl", ".diag"));
            assertEquals(Files.readString(expected), actual.toString(), name);
        }));
    }
}
