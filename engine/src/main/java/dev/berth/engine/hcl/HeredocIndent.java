package dev.berth.engine.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Indentation stripping for {@code <<-} heredocs: every line loses as many leading spaces as the
 * least-indented line has. Lines holding only whitespace do not count towards the minimum, and a
 * line that starts with an interpolation counts as having no indentation.
 */
final class HeredocIndent {
    private HeredocIndent() {
    }

    static void flush(List<FlatPart> flat) {
        int min = Integer.MAX_VALUE;
        boolean lineStart = true;
        List<FlatPart.Lit> adjust = new ArrayList<>();
        for (FlatPart p : flat) {
            if (lineStart) {
                lineStart = false;
                if (p instanceof FlatPart.Lit lit) {
                    int spaces = leadingSpaces(lit.text);
                    boolean blank = spaces == lit.text.length() - 1 && lit.text.endsWith("\n");
                    if (!blank) {
                        adjust.add(lit);
                        min = Math.min(min, spaces);
                    }
                } else {
                    min = 0;
                }
            }
            if (p instanceof FlatPart.Lit lit && lit.text.endsWith("\n")) lineStart = true;
        }
        if (min == Integer.MAX_VALUE || min == 0) return;
        for (FlatPart.Lit lit : adjust) {
            lit.text = lit.text.substring(Math.min(min, leadingSpaces(lit.text)));
        }
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i;
    }
}
