package dev.berth.cli.view;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.StateDiff;
import dev.berth.engine.state.StateVersion;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The kept versions of the state ({@code state history}) and what a rollback changed. */
public final class HistoryView {
    private static final String[] HEADINGS = {"serial", "created", "operation", "changes"};

    /** One aligned row per version, oldest first, under a heading row. */
    public String render(List<StateVersion> versions) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (StateVersion v : versions) {
            rows.add(new String[]{Long.toString(v.serial()), v.created().truncatedTo(ChronoUnit.SECONDS).toString(),
                    v.operation(), Integer.toString(v.changes())});
        }
        int[] width = new int[HEADINGS.length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                // Numbers right-aligned so serials and counts line up by their last digit.
                boolean numeric = i == 0 || i == 3;
                String cell = numeric ? " ".repeat(width[i] - r[i].length()) + r[i] : r[i] + " ".repeat(width[i] - r[i].length());
                line.append(cell).append(i + 1 < r.length ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** What a rollback did, one line per instance or output, then a summary line. */
    public String renderRollback(long target, long newSerial, StateDiff diff) {
        StringBuilder sb = new StringBuilder();
        for (ResourceInstanceAddr a : diff.added()) sb.append("  + ").append(a).append(" (added back)\n");
        for (ResourceInstanceAddr a : diff.removed()) sb.append("  - ").append(a).append(" (removed)\n");
        for (ResourceInstanceAddr a : diff.changed()) sb.append("  ~ ").append(a).append(" (changed back)\n");
        for (String o : diff.outputsChanged()) sb.append("  ~ output.").append(o).append('\n');
        sb.append('\n').append("Rolled back to serial ").append(target).append(" as new serial ").append(newSerial)
                .append(": ").append(diff.added().size()).append(" added, ").append(diff.changed().size())
                .append(" changed, ").append(diff.removed().size()).append(" removed.\n");
        sb.append("Only the state changed; the real objects were not touched. Run \"berth plan\" to see how they "
                + "differ from the configuration.\n");
        return sb.toString();
    }
}
