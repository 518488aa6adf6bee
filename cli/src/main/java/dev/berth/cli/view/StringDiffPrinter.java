package dev.berth.cli.view;

import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

import static dev.berth.cli.view.HclStrings.indent;

/**
 * Strings in a plan: quoted on one line, or as an indented heredoc when they span lines, which
 * for an update becomes a line-by-line diff so a one-line edit in a script stays readable.
 */
final class StringDiffPrinter {

    private final Palette p;
    private final DiffPrinter owner;

    StringDiffPrinter(Palette p, DiffPrinter owner) {
        this.p = p;
        this.owner = owner;
    }

    boolean isString(Diff.Primitive x) {
        return x.before() instanceof StringValue || x.after() instanceof StringValue;
    }

    String render(Diff.Primitive x, int indent, DiffPrinter.Opts o) {
        String forces = owner.forces(x.replace());
        switch (x.kind()) {
            case CREATE, NO_OP -> {
                String s = text(x.kind() == ChangeKind.CREATE ? x.after() : x.before());
                if (!isMultiline(s)) return HclStrings.quote(s) + forces;
                return heredoc(unchangedLines(s, indent), indent, forces, "");
            }
            case DELETE -> {
                String s = text(x.before());
                String gone = owner.nullSuffix(x.kind(), o);
                if (!isMultiline(s)) return HclStrings.quote(s) + gone + forces;
                return heredoc(unchangedLines(s, indent), indent, forces, gone);
            }
            default -> {
                String b = text(x.before());
                String a = text(x.after());
                if (!isMultiline(b) && !isMultiline(a)) {
                    return HclStrings.quote(b) + " " + p.arrow() + " " + HclStrings.quote(a) + forces;
                }
                return heredoc(changedLines(lines(b), lines(a), indent), indent, forces, "");
            }
        }
    }

    private static String text(Value v) {
        return ((StringValue) v).value();
    }

    private static boolean isMultiline(String s) {
        return s.contains("\n");
    }

    /** Surrounding blank space is dropped, as the heredoc's own indentation replaces it. */
    private static List<String> lines(String s) {
        return List.of((isMultiline(s) ? s.strip() : s).split("\n", -1));
    }

    private List<String> unchangedLines(String s, int indent) {
        List<String> out = new ArrayList<>();
        for (String line : lines(s)) out.add(line(ChangeKind.NO_OP, line, indent));
        return out;
    }

    private List<String> changedLines(List<String> before, List<String> after, int indent) {
        List<String> out = new ArrayList<>();
        for (ListMatcher.Pair pair : ListMatcher.align(before, after, l -> false)) {
            if (pair.before() < 0) out.add(line(ChangeKind.CREATE, after.get(pair.after()), indent));
            else if (pair.after() < 0) out.add(line(ChangeKind.DELETE, before.get(pair.before()), indent));
            else out.add(line(ChangeKind.NO_OP, before.get(pair.before()), indent));
        }
        return out;
    }

    private String line(ChangeKind kind, String text, int indent) {
        return indent(indent + 1) + kind.symbol(p) + " " + text;
    }

    private String heredoc(List<String> lines, int indent, String forces, String gone) {
        return "<<-EOT" + forces + "\n" + String.join("\n", lines) + "\n" + indent(indent)
                + ChangeKind.NO_OP.symbol(p) + " EOT" + gone;
    }
}
