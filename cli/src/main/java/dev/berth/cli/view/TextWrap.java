package dev.berth.cli.view;

/**
 * Greedy word wrap for diagnostic details. Lines that start with blank space are left alone,
 * as in Terraform, so that an indented example or list in a detail keeps its shape.
 */
final class TextWrap {

    private TextWrap() {
    }

    /** Wraps so that no line reaches {@code width} columns, where a word allows it. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.append('\n');
            String line = lines[i];
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
                out.append(line);
                continue;
            }
            int col = 0;
            for (String word : line.split(" +")) {
                if (col > 0 && col + 1 + word.length() >= width) {
                    out.append('\n');
                    col = 0;
                } else if (col > 0) {
                    out.append(' ');
                    col++;
                }
                out.append(word);
                col += word.length();
            }
        }
        return out.toString();
    }
}
