package dev.berth.engine.fmt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Computes indentation, spacing and alignment for a file's lines and renders them. */
final class Layout {
    private final List<FmtLine> lines;

    Layout(List<FmtLine> lines) {
        this.lines = lines;
    }

    String render() {
        // terraform fmt turns an empty file into a single newline.
        if (lines.isEmpty()) return "\n";
        space();
        int[] indents = indent();
        // Columns count the indentation too, as hclwrite's do: it matters when a comment chain
        // spans lines of different depth.
        align(FmtLine::hasAssign, i -> indents[i] + FmtLine.columns(lines.get(i).lead), l -> l.assign.get(0));
        align(l -> l.comment != null,
                i -> indents[i] + FmtLine.columns(lines.get(i).lead) + FmtLine.columns(lines.get(i).assign), l -> l.comment);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            FmtLine line = lines.get(i);
            if (!line.isBlank()) sb.append(" ".repeat(indents[i]));
            for (FmtToken t : line.lead) sb.append(" ".repeat(t.spacesBefore)).append(t.text);
            for (FmtToken t : line.assign) sb.append(" ".repeat(t.spacesBefore)).append(t.text);
            if (line.comment != null) sb.append(" ".repeat(line.comment.spacesBefore)).append(line.comment.text);
            sb.append('\n');
        }
        return sb.toString();
    }

    private void space() {
        for (FmtLine line : lines) {
            List<FmtToken> all = new ArrayList<>(line.lead);
            all.addAll(line.assign);
            if (line.comment != null) all.add(line.comment);
            for (int i = 0; i < all.size(); i++) {
                FmtToken t = all.get(i);
                if (i == 0) {
                    t.spacesBefore = 0;
                } else {
                    t.spacesBefore = Spacing.spaceBetween(i > 1 ? all.get(i - 2) : null, all.get(i - 1), t) ? 1 : 0;
                }
            }
        }
    }

    /**
     * Two spaces per level. A line that opens brackets indents what follows by one level however
     * many it opens; closing them all on a later line returns to the line's own level. This is
     * hclwrite's stack, which also keeps degenerate bracket layouts from drifting.
     */
    private int[] indent() {
        int[] out = new int[lines.size()];
        Deque<Integer> stack = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            FmtLine line = lines.get(i);
            // As hclwrite: the lead is counted only up to a heredoc's opening, the assignment whole.
            int net = FmtLine.netBracketsBeforeHeredoc(line.lead) + FmtLine.netBrackets(line.assign);
            if (net > 0) {
                out[i] = 2 * stack.size();
                stack.push(net);
                continue;
            }
            int closed = -net;
            while (closed > 0 && !stack.isEmpty()) {
                int top = stack.pop();
                if (closed < top) {
                    stack.push(top - closed);
                    closed = 0;
                } else {
                    closed -= top;
                }
            }
            out[i] = 2 * stack.size();
        }
        return out;
    }

    /** Runs of consecutive lines that have the cell get it at one column: the widest prefix + 1. */
    private void align(java.util.function.Predicate<FmtLine> has,
                       java.util.function.IntUnaryOperator prefix,
                       java.util.function.Function<FmtLine, FmtToken> cell) {
        int start = -1;
        int max = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean in = i < lines.size() && has.test(lines.get(i));
            if (in) {
                if (start < 0) start = i;
                max = Math.max(max, prefix.applyAsInt(i));
            } else if (start >= 0) {
                for (int k = start; k < i; k++) {
                    cell.apply(lines.get(k)).spacesBefore = max - prefix.applyAsInt(k) + 1;
                }
                start = -1;
                max = 0;
            }
        }
    }
}
