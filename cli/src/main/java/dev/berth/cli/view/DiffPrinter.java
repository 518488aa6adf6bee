package dev.berth.cli.view;

import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.berth.cli.view.HclStrings.indent;

/**
 * Prints a {@link Diff} tree in Terraform's human plan layout. Every rendering starts where the
 * caller left off (after {@code "name = "}) and ends without a newline, so nested values can be
 * spliced into their parent's line; the continuation lines carry their own indentation, four
 * columns per level, with the three-column action marker inside the indentation.
 */
final class DiffPrinter {

    /** Attributes Terraform always shows, so a reader can tell which object a diff is about. */
    private static final Set<String> IDENTIFYING = Set.of("id", "name", "tags");

    /**
     * {@code showUnchanged}: print unchanged children instead of counting them.
     * {@code overrideNullSuffix}: the parent already says the value goes away, so no {@code -> null}.
     */
    record Opts(boolean showUnchanged, boolean overrideNullSuffix) {
        static final Opts DEFAULT = new Opts(false, false);

        Opts showingUnchanged() {
            return new Opts(true, overrideNullSuffix);
        }

        Opts withoutNullSuffix() {
            return new Opts(showUnchanged, true);
        }
    }

    private final Palette p;
    private final StringDiffPrinter strings;

    DiffPrinter(Palette p) {
        this.p = p;
        this.strings = new StringDiffPrinter(p, this);
    }

    /** The body of a resource block: the brace, attributes, then the closing brace at indent 0. */
    String block(Diff.Obj d, Opts o) {
        return block(d, o, List.of());
    }

    /** As {@link #block(Diff.Obj, Opts)}, with comment lines (a fold) after the attributes. */
    String block(Diff.Obj d, Opts o, List<String> comments) {
        if (d.attributes().isEmpty() && comments.isEmpty()) return "{}";
        StringBuilder sb = new StringBuilder(d.attributes().isEmpty() ? "{\n" : attributes(d.attributes(), 0, o, o, false));
        for (String c : comments) sb.append(indent(1)).append(ChangeKind.NO_OP.symbol(p)).append(' ').append(p.dim(c)).append('\n');
        return sb.append(indent(0)).append(ChangeKind.NO_OP.symbol(p)).append(" }").toString();
    }

    String render(Diff d, int indent, Opts o) {
        if (d instanceof Diff.Primitive x) return strings.isString(x) ? strings.render(x, indent, o) : primitive(x, o);
        if (d instanceof Diff.Obj x) return object(x, indent, o);
        if (d instanceof Diff.Seq x) return sequence(x, indent, o);
        if (d instanceof Diff.Unknown x) return unknown(x, indent, o);
        if (d instanceof Diff.Sensitive x) return "(sensitive value)" + nullSuffix(x.kind(), o) + forces(x.replace());
        if (d instanceof Diff.TypeChange x) {
            Opts inner = o.withoutNullSuffix();
            return render(x.before(), indent, inner) + " " + p.arrow() + " " + render(x.after(), indent, inner)
                    + forces(x.replace());
        }
        return json((Diff.Json) d, indent, o);
    }

    private String primitive(Diff.Primitive x, Opts o) {
        String before = scalar(x.before());
        String after = scalar(x.after());
        return switch (x.kind()) {
            case CREATE -> after + forces(x.replace());
            case DELETE -> before + nullSuffix(x.kind(), o) + forces(x.replace());
            case NO_OP -> before + forces(x.replace());
            case UPDATE -> before + " " + p.arrow() + " " + after + forces(x.replace());
        };
    }

    String scalar(Value v) {
        return v == null || v.isNull() ? p.dim("null") : v.toString();
    }

    private String object(Diff.Obj d, int indent, Opts o) {
        if (d.attributes().isEmpty()) return "{}" + nullSuffix(d.kind(), o) + forces(d.replace());
        // Inside an object only the outermost value says "-> null"; members just show "-".
        return attributes(d.attributes(), indent, o, o.withoutNullSuffix(), d.replace()) + indent(indent)
                + ChangeKind.NO_OP.symbol(p) + " }" + nullSuffix(d.kind(), o);
    }

    /** The opening brace line, one line per shown attribute, the hidden count; no closing brace. */
    private String attributes(Map<String, Diff> attrs, int indent, Opts o, Opts childOpts, boolean replace) {
        int width = 0;
        for (String k : attrs.keySet()) width = Math.max(width, HclStrings.attributeName(k).length());
        StringBuilder sb = new StringBuilder("{").append(forces(replace)).append('\n');
        int hidden = 0;
        for (Map.Entry<String, Diff> e : attrs.entrySet()) {
            Diff child = e.getValue();
            boolean identifying = IDENTIFYING.contains(e.getKey());
            if (!identifying && child.kind() == ChangeKind.NO_OP && !o.showUnchanged()) {
                hidden++;
                continue;
            }
            Opts opts = identifying ? childOpts.showingUnchanged() : childOpts;
            String name = HclStrings.attributeName(e.getKey());
            sb.append(indent(indent + 1)).append(child.kind().symbol(p)).append(' ')
                    .append(name).append(" ".repeat(width - name.length())).append(" = ")
                    .append(render(child, indent + 1, opts)).append('\n');
        }
        if (hidden > 0) sb.append(hiddenLine(indent + 1, hidden, "attribute"));
        return sb.toString();
    }

    private String sequence(Diff.Seq d, int indent, Opts o) {
        if (d.elements().isEmpty()) return "[]" + nullSuffix(d.kind(), o) + forces(d.replace());
        Opts elementOpts = o.withoutNullSuffix();
        Opts contextOpts = o.showingUnchanged();
        StringBuilder sb = new StringBuilder("[").append(forces(d.replace())).append('\n');
        // Unchanged elements are hidden, except the one just before and just after each change:
        // order matters in a list, and that context tells the reader where the change sits.
        List<Diff> skipped = new ArrayList<>();
        boolean showNext = false;
        for (Diff e : d.elements()) {
            boolean unchanged = e.kind() == ChangeKind.NO_OP;
            if (unchanged && !showNext && !o.showUnchanged()) {
                skipped.add(e);
                continue;
            }
            showNext = false;
            if (skipped.size() > 1) sb.append(hiddenLine(indent + 1, skipped.size() - 1, "element"));
            if (!skipped.isEmpty()) element(sb, skipped.get(skipped.size() - 1), indent, contextOpts);
            skipped.clear();
            if (!unchanged) showNext = true;
            element(sb, e, indent, unchanged ? contextOpts : elementOpts);
        }
        if (!skipped.isEmpty()) sb.append(hiddenLine(indent + 1, skipped.size(), "element"));
        return sb.append(indent(indent)).append(ChangeKind.NO_OP.symbol(p)).append(" ]")
                .append(nullSuffix(d.kind(), o)).toString();
    }

    private void element(StringBuilder sb, Diff e, int indent, Opts o) {
        sb.append(indent(indent + 1)).append(e.kind().symbol(p)).append(' ')
                .append(render(e, indent + 1, o)).append(",\n");
    }

    private String unknown(Diff.Unknown x, int indent, Opts o) {
        String known = "(known after apply)" + forces(x.replace());
        if (x.before() == null) return known;
        return render(x.before(), indent, o.withoutNullSuffix()) + " " + p.arrow() + " " + known;
    }

    private String json(Diff.Json j, int indent, Opts o) {
        Opts inner = o;
        String note = "";
        String replace = forces(j.replace());
        ChangeKind marker = j.kind();
        if (j.whitespaceOnly()) {
            // The documents are equal, so the structural diff alone would show nothing changed.
            note = j.replace() ? " # whitespace changes force replacement" : " # whitespace changes";
            replace = "";
            inner = o.showingUnchanged();
            marker = ChangeKind.NO_OP;
        }
        String body = render(j.inner(), indent + 1, inner);
        // A whole document appearing or going is already marked on the attribute line.
        if (marker == ChangeKind.CREATE || marker == ChangeKind.DELETE) marker = ChangeKind.NO_OP;
        if (!body.contains("\n")) return "jsonencode(" + body + ")" + note + replace;
        return "jsonencode(" + note + "\n" + indent(indent + 1) + marker.symbol(p) + " " + body + replace
                + "\n" + indent(indent + 1) + ")";
    }

    String hiddenLine(int indent, int count, String noun) {
        String text = "# (" + count + " unchanged " + noun + (count == 1 ? "" : "s") + " hidden)";
        return indent(indent) + ChangeKind.NO_OP.symbol(p) + " " + p.dim(text) + "\n";
    }

    String nullSuffix(ChangeKind kind, Opts o) {
        return kind == ChangeKind.DELETE && !o.overrideNullSuffix() ? " " + p.dim("-> null") : "";
    }

    String forces(boolean replace) {
        return replace ? " " + p.red("# forces replacement") : "";
    }
}
