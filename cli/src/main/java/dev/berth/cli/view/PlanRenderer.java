package dev.berth.cli.view;

import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The human form of a plan, laid out as Terraform 1.11 lays it out: the drift note when
 * something changed outside the tool, the legend of the symbols used, one block per changed
 * resource, the summary line and the output changes; or the "No changes." text. Sensitive
 * values are never printed, whichever path they took into the plan.
 */
public final class PlanRenderer {

    public String render(Plan plan, RenderOptions opts) {
        Palette p = opts.palette();
        Prose prose = new Prose(opts.toolName());
        List<ResourceChange> changes = changed(plan.resourceChanges());
        String outputs = OutputDiffs.render(plan.outputChanges(), p);
        boolean empty = changes.isEmpty() && outputs.isEmpty();
        List<ResourceChange> drift = changed(plan.drift());
        boolean refreshOnly = plan.mode() == Plan.Mode.REFRESH_ONLY;
        boolean showDrift = !drift.isEmpty() && (!empty || refreshOnly);

        StringBuilder sb = new StringBuilder();
        if (showDrift) {
            sb.append(driftBody(drift, refreshOnly, prose, p));
            // The drift note of a refresh-only plan already says what applying it would do.
            if (empty) return sb.toString();
            sb.append('\n').append(p.dim(Prose.RULE)).append('\n');
        }
        if (empty) return sb.append(noChanges(plan.mode(), prose, p)).toString();

        if (!changes.isEmpty()) {
            Set<Action> used = EnumSet.noneOf(Action.class);
            for (ResourceChange c : changes) used.add(c.action());
            sb.append('\n').append(prose.legendIntro()).append(ResourceHeading.legend(used, p));
            sb.append('\n').append(prose.willPerform());
            for (ResourceChange c : changes) sb.append('\n').append(resource(c, false, p)).append('\n').append(notes(c, p));
            Plan.Summary s = plan.summary();
            sb.append('\n').append(p.bold("Plan:")).append(' ').append(s.add()).append(" to add, ")
                    .append(s.change()).append(" to change, ").append(s.destroy()).append(" to destroy.\n");
        }
        if (!outputs.isEmpty()) {
            sb.append("\nChanges to Outputs:\n").append(outputs);
            if (changes.isEmpty()) sb.append('\n').append(prose.outputsOnly());
        }
        return sb.toString();
    }

    /**
     * The "Objects have changed outside of ..." section for a normal plan, ending with the
     * horizontal rule that separates it from the plan; empty when nothing drifted.
     */
    public String renderDrift(List<ResourceChange> drift, RenderOptions opts) {
        List<ResourceChange> shown = changed(drift);
        if (shown.isEmpty()) return "";
        Palette p = opts.palette();
        return driftBody(shown, false, new Prose(opts.toolName()), p) + '\n' + p.dim(Prose.RULE) + '\n';
    }

    /**
     * What the plan command prints after the plan: the rule, then either where the plan was
     * saved and how to apply it ({@code savedPath} non-null) or the note that it was not saved.
     */
    public String renderFooter(String savedPath, RenderOptions opts) {
        Prose prose = new Prose(opts.toolName());
        return '\n' + opts.palette().dim(Prose.RULE) + "\n\n"
                + (savedPath == null ? prose.notSaved() : prose.saved(savedPath));
    }

    /**
     * One resource's block without colour, for views that embed the human diff elsewhere (the
     * Markdown summary); sensitive values are masked exactly as in the human plan.
     */
    public String plainResource(ResourceChange c, boolean drift) {
        return resource(c, drift, new Palette(false));
    }

    /** Changes worth showing, in the order the human plan shows them. */
    public static List<ResourceChange> shown(List<ResourceChange> all) {
        return changed(all);
    }

    /** One resource's comment, header line and attribute block, without a trailing newline. */
    String resource(ResourceChange c, boolean drift, Palette p) {
        FoldView fold = FoldView.of(c, drift);
        Diff.Obj body = ValueDiffer.forResource(c.replacePaths()).block(fold.before(), fold.after());
        return ResourceHeading.comment(c, drift, p) + ResourceHeading.symbol(c.action(), p) + ' '
                + ResourceHeading.header(c) + ' ' + new DiffPrinter(p).block(body, DiffPrinter.Opts.DEFAULT,
                fold.comments());
    }

    /** The provider's notes under a planned change, as comment lines, so the diff above stays untouched. */
    static String notes(ResourceChange c, Palette p) {
        StringBuilder sb = new StringBuilder();
        for (String note : c.notes()) sb.append(p.dim("    # " + note)).append('\n');
        return sb.toString();
    }

    private String driftBody(List<ResourceChange> drift, boolean refreshOnly, Prose prose, Palette p) {
        StringBuilder sb = new StringBuilder("\n");
        sb.append(p.style(Palette.BOLD + Palette.CYAN, "Note:")).append(p.bold(prose.driftTitle())).append("\n\n");
        sb.append(prose.driftIntro());
        for (ResourceChange c : drift) sb.append('\n').append(resource(c, true, p)).append('\n');
        // Terraform 1.11.4 leaves two blank lines before its refresh-only note (cli/src/test/resources/terraform-moved).
        sb.append(refreshOnly ? "\n\n" + prose.driftOutroRefreshOnly() : '\n' + prose.driftOutro());
        return sb.toString();
    }

    private String noChanges(Plan.Mode mode, Prose prose, Palette p) {
        String green = Palette.BOLD + Palette.GREEN;
        return switch (mode) {
            case DESTROY -> '\n' + p.style(green, "No changes.") + p.bold(" No objects need to be destroyed.")
                    + "\n\n" + prose.nothingToDestroy();
            case REFRESH_ONLY -> '\n' + p.style(green, "No changes.")
                    + p.bold(" Your infrastructure still matches the configuration.") + "\n\n"
                    + prose.refreshOnlyNoChanges();
            case NORMAL -> '\n' + p.style(green, "No changes.") + p.bold(" Your infrastructure matches the configuration.")
                    + "\n\n" + prose.noChanges();
        };
    }

    /** Changes worth showing, in address order (Terraform's order, independent of plan order). */
    private static List<ResourceChange> changed(List<ResourceChange> all) {
        List<ResourceChange> out = new ArrayList<>();
        for (ResourceChange c : all) if (c.action() != Action.NO_OP || c.moved()) out.add(c);
        out.sort(ResourceChange.ORDER);
        return out;
    }
}
