package dev.berth.cli.view.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** awscli/table.py's MultiTable: sections of rows, widths scaled to the widest section, borders. */
final class TableLayout {
    private static final String ROW_STYLE = "\u001b[1m\u001b[34m";
    private static final String INDENT_STYLE = "\u001b[2m\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private final int terminalWidth;
    private final IntPredicate wide;
    private final boolean colour;
    private final List<Section> sections = new ArrayList<>();
    private Section current;

    TableLayout(int terminalWidth, IntPredicate wide, boolean colour) {
        this.terminalWidth = terminalWidth;
        this.wide = wide;
        this.colour = colour;
    }

    void newSection(String title, int indent) {
        current = new Section();
        sections.add(current);
        current.title = title;
        current.indent = indent;
    }

    void addRowHeader(List<String> headers) {
        current.addHeader(headers);
    }

    void addRow(List<String> row) {
        current.addRow(row);
    }

    String render() {
        int maxWidth = maxWidth();
        if (maxWidth > terminalWidth) {
            convertToVertical();
            maxWidth = maxWidth();
        }
        StringBuilder out = new StringBuilder();
        emit(out, "-".repeat(maxWidth) + "\n");
        for (Section s : sections) renderSection(s, maxWidth, out);
        return out.toString();
    }

    private void convertToVertical() {
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.rows.size() == 1 && !s.headers.isEmpty()) {
                Section n = new Section();
                n.title = s.title;
                n.indent = s.indent;
                List<String> row = s.rows.get(0);
                for (int c = 0; c < Math.min(s.headers.size(), row.size()); c++) n.addRow(List.of(s.headers.get(c), row.get(c)));
                sections.set(i, n);
            }
        }
    }

    private int maxWidth() {
        int max = 0;
        for (Section s : sections) max = Math.max(max, s.totalWidth(4, true, s.indent));
        return max;
    }

    int length(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            n += wide.test(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }

    private void renderSection(Section s, int maxWidth, StringBuilder out) {
        Indented stream = new Indented(this, out, s.indent, colour ? INDENT_STYLE + "|" + RESET : "|");
        int width = maxWidth - s.indent * 2;
        if (!s.title.isEmpty()) {
            stream.write(center(s.title, width, "|", "|", length(s.title)) + "\n");
            if (s.headers.isEmpty() && s.rows.isEmpty()) stream.write("+" + "-".repeat(width - 2) + "+\n");
        }
        if (!s.headers.isEmpty()) {
            int[] widths = s.columnWidths(4, width);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < Math.min(widths.length, s.headers.size()); i++) {
                String h = s.headers.get(i);
                line.append(center(h, widths[i], i == 0 ? "|" : "", "|", length(h)));
            }
            stream.write(lineBreak(widths));
            stream.write(line + "\n");
        }
        if (!s.rows.isEmpty()) {
            int[] widths = s.columnWidths(4, width);
            if (widths.length == 0) return;
            stream.write(lineBreak(widths));
            for (List<String> row : s.rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < Math.min(widths.length, row.size()); i++) {
                    String el = row.get(i);
                    String styled = colour ? ROW_STYLE + el + RESET : el;
                    line.append(alignLeft(styled, widths[i], i == 0 ? "|" : "", "|", length(el)));
                }
                stream.write(line + "\n");
            }
            stream.write(lineBreak(widths));
        }
    }

    private static String lineBreak(int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i == 0) b.append('+').append("-".repeat(Math.max(0, widths[i] - 2))).append('+');
            else b.append("-".repeat(Math.max(0, widths[i] - 1))).append('+');
        }
        return b.append('\n').toString();
    }

    private String center(String text, int length, String left, String right, int textLength) {
        int charStart = Math.floorDiv(length, 2) - Math.floorDiv(textLength, 2) - 1;
        StringBuilder out = new StringBuilder(left).append(" ".repeat(Math.max(0, charStart))).append(text);
        int soFar = length(left) + charStart + textLength;
        int rightSpaces = length - length(right) - soFar;
        return out.append(" ".repeat(Math.max(0, rightSpaces))).append(right).toString();
    }

    private String alignLeft(String text, int length, String left, String right, int textLength) {
        int computed = textLength + 2 + length(left) + length(right);
        int padding = length - computed >= 0 ? 2 : 0;
        int soFar = left.length() + padding + textLength;
        return left + " ".repeat(padding) + text + " ".repeat(Math.max(0, length - soFar - right.length())) + right;
    }

    /**
     * One write to the output. In colour the AWS CLI writes through colorama with autoreset, which
     * follows every write, even an empty one, with a reset.
     */
    private void emit(StringBuilder out, String text) {
        out.append(text);
        if (colour) out.append(RESET);
    }

    /** IndentedStream: every line starts and ends with one '|' per indent level, each piece one write. */
    private record Indented(TableLayout table, StringBuilder out, int level, String bar) {
        void write(String text) {
            table.emit(out, bar.repeat(level));
            if (text.endsWith("\n")) {
                table.emit(out, text.substring(0, text.length() - 1));
                table.emit(out, bar.repeat(level));
                table.emit(out, "\n");
            } else {
                table.emit(out, text);
            }
        }
    }

    private final class Section {
        String title = "";
        List<String> headers = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();
        int indent;
        Integer numCols;
        int[] maxWidths = new int[0];

        void addHeader(List<String> h) {
            updateMaxWidths(h);
            if (numCols == null) numCols = h.size();
            headers = List.copyOf(h);
        }

        void addRow(List<String> row) {
            if (numCols == null) numCols = row.size();
            if (row.size() != numCols) {
                throw new IllegalStateException("Row should have " + numCols + " elements, instead it has " + row.size());
            }
            rows.add(List.copyOf(row));
            updateMaxWidths(row);
        }

        private void updateMaxWidths(List<String> row) {
            if (maxWidths.length == 0) {
                maxWidths = new int[row.size()];
                for (int i = 0; i < row.size(); i++) maxWidths[i] = length(row.get(i));
            } else {
                for (int i = 0; i < row.size() && i < maxWidths.length; i++) {
                    maxWidths[i] = Math.max(length(row.get(i)), maxWidths[i]);
                }
            }
        }

        int[] columnWidths(int padding, int maxWidth) {
            int[] unscaled = new int[maxWidths.length];
            long sum = 0;
            for (int i = 0; i < unscaled.length; i++) {
                unscaled[i] = maxWidths[i] + padding;
                sum += unscaled[i];
            }
            if (unscaled.length == 0) return unscaled;
            double scale = maxWidth / (double) sum;
            int[] scaled = new int[unscaled.length];
            int total = 0;
            for (int i = 0; i < unscaled.length; i++) {
                scaled[i] = (int) Math.rint(scale * unscaled[i]);
                total += scaled[i];
            }
            int offBy = total - maxWidth;
            while (offBy != 0) {
                if (offBy > 0) {
                    for (int i = 0; i < scaled.length && offBy != 0; i++) {
                        scaled[i]--;
                        offBy--;
                    }
                } else {
                    for (int i = scaled.length - 1; i >= 0 && offBy != 0; i--) {
                        scaled[i]++;
                        offBy++;
                    }
                }
            }
            return scaled;
        }

        int totalWidth(int padding, boolean withBorder, int outerPadding) {
            int total = 0;
            for (int w : maxWidths) total += w + padding;
            if (withBorder) total += 2;
            total += outerPadding * 2;
            return Math.max(length(title) + 2 + outerPadding * 2, total);
        }
    }
}
