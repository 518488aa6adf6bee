package dev.berth.cli.view;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Severity;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.diag.SourceRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostics in Terraform's layout: a blank line, {@code Error: summary}, the place it points
 * at with the source line quoted, then the detail. berth adds the column to the place line and
 * a caret line under the range, so every error can be found without counting characters. With
 * colour the block gets Terraform's left border in the severity's colour.
 */
public final class DiagnosticRenderer {

    /** Terraform wraps at 78 columns when not writing to a terminal. */
    private static final int WIDTH = 78;

    public String render(List<Diagnostic> diags, SourceFiles files, boolean color) {
        Palette p = new Palette(color);
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diags) sb.append(render(d, files, p));
        return sb.toString();
    }

    private String render(Diagnostic d, SourceFiles files, Palette p) {
        boolean error = d.severity() == Severity.ERROR;
        String tone = error ? Palette.RED : Palette.YELLOW;
        List<String> body = new ArrayList<>();
        body.add(p.style(Palette.BOLD + tone, error ? "Error: " : "Warning: ") + p.bold(d.summary()));
        SourceRange r = d.range();
        if (r != null && r.isKnown()) {
            body.add("");
            body.add("  on " + r.file() + " line " + r.line() + ", column " + r.column() + ":");
            body.addAll(SourceSnippet.lines(r, files, p, Palette.BOLD + tone));
        }
        if (d.detail() != null && !d.detail().isBlank()) {
            body.add("");
            int width = p.enabled() ? WIDTH - 2 : WIDTH;
            for (String line : TextWrap.wrap(d.detail().strip(), width).split("\n", -1)) body.add(line);
        } else {
            // Terraform ends the summary (and any source lines) with a blank line, detail or not.
            body.add("");
        }
        if (!p.enabled()) return "\n" + String.join("\n", body) + "\n";
        // The border marks where one diagnostic ends and the next begins in a long stream.
        StringBuilder sb = new StringBuilder("\n").append(p.style(tone, "╷")).append('\n');
        // As Terraform's: no space after the rule on an empty line.
        for (String line : body) sb.append(p.style(tone, "│")).append(line.isEmpty() ? "" : " " + line).append('\n');
        return sb.append(p.style(tone, "╵")).append('\n').toString();
    }
}
