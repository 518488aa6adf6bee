package dev.berth.cli.view;

import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.diag.SourceRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The quoted source lines of a diagnostic, each followed by a marker line: {@code ^} under the
 * first character of the range and {@code ~} under the rest of it. Tabs before the range are
 * repeated as tabs in the marker line so the caret lands under the right character whatever
 * the terminal's tab width.
 */
final class SourceSnippet {

    /** Ranges longer than this show their first lines and their last, with the middle elided. */
    private static final int MAX_LINES = 5;

    private SourceSnippet() {
    }

    /** Source and marker lines without trailing newlines; empty when the text is unavailable. */
    static List<String> lines(SourceRange r, SourceFiles files, Palette p, String markerStyle) {
        List<String> out = new ArrayList<>();
        int last = Math.max(r.line(), r.endLine());
        // A range ending at column 1 of a line covers nothing on it.
        if (last > r.line() && r.endColumn() <= 1) last--;
        int width = Math.max(4, Integer.toString(last).length());
        for (int n = r.line(); n <= last; n++) {
            if (last - r.line() + 1 > MAX_LINES && n == r.line() + MAX_LINES - 2) {
                out.add(" ".repeat(width - 3) + "...:");
                n = last - 1;
                continue;
            }
            Optional<String> text = files.line(r.file(), n);
            if (text.isEmpty()) return n == r.line() ? List.of() : out;
            String line = text.get();
            out.add(String.format("%" + width + "d: %s", n, line).stripTrailing());
            // A blank line inside a range has nothing to point at.
            if (n != r.line() && line.isBlank()) continue;
            int from = n == r.line() ? r.column() : firstNonBlank(line);
            int to = n == last && r.endLine() == n ? r.endColumn() : line.stripTrailing().length() + 1;
            String marker = marker(line, from, to, n == r.line());
            out.add(" ".repeat(width + 2) + prefix(line, from) + p.style(markerStyle, marker));
        }
        return out;
    }

    private static String marker(String line, int from, int to, boolean first) {
        int len = Math.max(1, to - from);
        return first ? "^" + "~".repeat(len - 1) : "~".repeat(len);
    }

    /** Blank space matching the line's text up to the 1-based column, tabs kept as tabs. */
    private static String prefix(String line, int column) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < column - 1; i++) sb.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        return sb.toString();
    }

    private static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) if (!Character.isWhitespace(line.charAt(i))) return i + 1;
        return 1;
    }
}
