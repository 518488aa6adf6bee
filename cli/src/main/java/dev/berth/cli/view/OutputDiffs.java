package dev.berth.cli.view;

import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The lines under "Changes to Outputs:", names aligned across every output of the plan. */
final class OutputDiffs {

    private OutputDiffs() {
    }

    /** The changed outputs' lines, each ending in a newline; empty when no output changes. */
    static String render(List<OutputChange> outputs, Palette p) {
        List<OutputChange> sorted = new ArrayList<>(outputs);
        sorted.sort(Comparator.comparing(OutputChange::name));
        int width = 0;
        for (OutputChange o : sorted) width = Math.max(width, HclStrings.attributeName(o.name()).length());
        DiffPrinter printer = new DiffPrinter(p);
        StringBuilder sb = new StringBuilder();
        for (OutputChange o : sorted) {
            if (o.action() == Action.NO_OP) continue;
            Diff d = ValueDiffer.forResource(List.of()).diff(mark(o.before(), o.sensitive()),
                    mark(o.after(), o.sensitive()));
            if (d.kind() == ChangeKind.NO_OP) continue;
            String name = HclStrings.attributeName(o.name());
            sb.append(d.kind().symbol(p)).append(' ').append(name).append(" ".repeat(width - name.length()))
                    .append(" = ").append(printer.render(d, 0, DiffPrinter.Opts.DEFAULT)).append('\n');
        }
        return sb.toString();
    }

    /** A sensitive output is hidden as a whole, whatever its value carries. */
    private static Value mark(Value v, boolean sensitive) {
        if (v == null || v.isNull() || !sensitive) return v;
        return Value.sensitive(v);
    }
}
