package dev.berth.cli.view;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.diag.SourceRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiagnosticRendererTest {

    private final DiagnosticRenderer renderer = new DiagnosticRenderer();

    private static SourceRange range(int line, int col, int endLine, int endCol) {
        return new SourceRange("main.hcl", line, col, endLine, endCol, 0, 0);
    }

    private static SourceFiles files(String text) {
        SourceFiles f = new SourceFiles();
        f.put("main.hcl", text);
        return f;
    }

    @Test
    void caretSitsUnderTheRangeStartAndTildesSpanIt() {
        SourceFiles f = files("resource \"ecs_service\" \"web\" {\n  desired_count = \"two\"\n}\n");
        Diagnostic d = Diagnostic.error("Incorrect attribute value type",
                "Inappropriate value for attribute \"desired_count\": a number is required.", range(2, 19, 2, 24));

        assertEquals("""

                Error: Incorrect attribute value type

                  on main.hcl line 2, column 19:
                   2:   desired_count = "two"
                                        ^~~~~

                Inappropriate value for attribute "desired_count": a number is required.
                """, renderer.render(List.of(d), f, false));
    }

    @Test
    void tabsBeforeTheRangeAreRepeatedSoTheCaretAligns() {
        SourceFiles f = files("service {\n\t\timage = 42\n}\n");
        Diagnostic d = Diagnostic.error("Wrong type", "A string is required.", range(2, 11, 2, 13));

        String out = renderer.render(List.of(d), f, false);

        assertEquals("""

                Error: Wrong type

                  on main.hcl line 2, column 11:
                   2: \t\timage = 42
                      \t\t        ^~

                A string is required.
                """, out);
    }

    @Test
    void multiLineRangesMarkEveryLineToTheEndOfTheRange() {
        SourceFiles f = files("x = [\n  1,\n\n  2\n]\n");
        Diagnostic d = Diagnostic.error("Bad list", "Expected a map.", range(1, 5, 5, 2));

        assertEquals("""

                Error: Bad list

                  on main.hcl line 1, column 5:
                   1: x = [
                          ^
                   2:   1,
                        ~~
                   3:
                   4:   2
                        ~
                   5: ]
                      ~

                Expected a map.
                """, renderer.render(List.of(d), f, false));
    }

    @Test
    void veryLongRangesElideTheirMiddle() {
        SourceFiles f = files("a {\n b\n c\n d\n e\n f\n}\n");
        String out = renderer.render(List.of(Diagnostic.error("S", "", range(1, 1, 7, 2))), f, false);

        assertEquals("""

                Error: S

                  on main.hcl line 1, column 1:
                   1: a {
                      ^~~
                   2:  b
                       ~
                   3:  c
                       ~
                 ...:
                   7: }
                      ~

                """, out);
    }

    @Test
    void diagnosticWithoutRangePrintsOnlySummaryAndDetail() {
        Diagnostic d = Diagnostic.error("State locked", "Another run holds the lock.", SourceRange.NONE);

        assertEquals("\nError: State locked\n\nAnother run holds the lock.\n",
                renderer.render(List.of(d), new SourceFiles(), false));
    }

    @Test
    void unknownFileStillNamesThePlace() {
        Diagnostic d = Diagnostic.error("Missing", "", range(3, 1, 3, 2));

        assertEquals("\nError: Missing\n\n  on main.hcl line 3, column 1:\n\n",
                renderer.render(List.of(d), new SourceFiles(), false));
    }

    @Test
    void longDetailsWrapAtTerraformsWidth() {
        String detail = "word ".repeat(30).strip();
        String out = renderer.render(List.of(Diagnostic.error("S", detail, SourceRange.NONE)), new SourceFiles(), false);

        for (String line : out.split("\n")) assertEquals(true, line.length() < 78, line);
        assertEquals(detail, out.substring(out.indexOf("word")).strip().replace('\n', ' '));
    }

    @Test
    void colouredLayoutHasBorderOnEveryLine() {
        SourceFiles f = files("a = 1\n");
        String out = renderer.render(List.of(Diagnostic.error("S", "D", range(1, 5, 1, 6))), f, true)
                .replaceAll("\u001b\\[[0-9;]*m", "");

        assertEquals("\n╷\n│ Error: S\n│\n│   on main.hcl line 1, column 5:\n│    1: a = 1\n│           ^\n│\n│ D\n╵\n", out);
    }
}
