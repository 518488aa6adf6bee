package dev.berth.cli.view.markdown;

import java.util.List;

/** A document built from whole lines that never grows past its budget. */
final class Lines {
    private final StringBuilder text = new StringBuilder();
    private int budget;

    Lines(int budget) {
        this.budget = budget;
    }

    /** Appends one line if it fits; a line that does not fit is not written at all. */
    boolean add(String line) {
        if (text.length() + line.length() + 1 > budget) return false;
        text.append(line).append('\n');
        return true;
    }

    /** Appends every line or none of them. */
    boolean addAll(List<String> lines) {
        int size = 0;
        for (String l : lines) size += l.length() + 1;
        if (text.length() + size > budget) return false;
        lines.forEach(l -> text.append(l).append('\n'));
        return true;
    }

    /** Raises the budget, to let closing notes use the room kept for them. */
    void release(int newBudget) {
        budget = Math.max(budget, newBudget);
    }

    String text() {
        return text.toString();
    }
}
