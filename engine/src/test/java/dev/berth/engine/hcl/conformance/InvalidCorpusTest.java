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
 * "file:line:column: summary" line followed by the source line it points at, so a change in what
 * or where berth reports shows up. With -Dpin.diagnostics=true the files are rewritten from
 * berth's output instead (review the diff before committing it).
 * (That HashiCorp's parser rejects them too is checked in {@link HclConformanceTest}.)
 */
class InvalidCorpusTest {
    @TestFactory
    Stream<DynamicTest> diagnosticsArePinned() {
        return Corpus.files(HclConformanceTest.INVALID).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString();
            String text = Files.readString(f);
            String[] lines = text.split("\n", -1);
            StringBuilder actual = new StringBuilder();
            for (Diagnostic d : HclParser.parse(name, text).diagnostics()) {
                actual.append(name).append(':').append(d.range().line()).append(':').append(d.range().column())
                        .append(": ").append(d.summary()).append('\n');
                String source = d.range().line() <= lines.length ? lines[d.range().line() - 1] : "";
                actual.append("  | ").append(source.replace("\r", "")).append('\n');
            }
            Path expected = f.resolveSibling(name.replace(".hcl", ".diag"));
            if (Boolean.getBoolean("pin.diagnostics")) Files.writeString(expected, actual.toString());
            assertEquals(Files.readString(expected), actual.toString(), name);
        }));
    }
}
