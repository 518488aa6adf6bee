package dev.berth.cli.view.markdown;

import dev.berth.cli.view.PlanRenderer;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan as a pull-request comment: a title, the counts, the drifted and changed addresses, and
 * each resource's human diff in a collapsed {@code <details>} section. GitHub rejects comments
 * over 65,536 characters, so the document stays within {@link #LIMIT}: when the diffs do not all
 * fit, the later ones are dropped whole and a note says how many; when even the address lists
 * do not fit, they are cut at a whole line with a count of what is left out. Text is always cut
 * between lines, never inside one. Values come from the human renderer, so sensitive values are
 * masked there and never reach this view.
 */
public final class MarkdownPlanView {
    public static final int LIMIT = 60_000;
    /** Room kept for the closing notes, so they always fit after the cut. */
    private static final int RESERVE = 400;

    private final PlanRenderer renderer = new PlanRenderer();
    private final int limit;

    public MarkdownPlanView() {
        this(LIMIT);
    }

    /** A smaller limit, for tests. */
    MarkdownPlanView(int limit) {
        this.limit = limit;
    }

    public String render(Plan plan, String toolName) {
        List<ResourceChange> drift = PlanRenderer.shown(plan.drift());
        List<ResourceChange> changes = plan.mode() == Plan.Mode.REFRESH_ONLY ? List.of()
                : PlanRenderer.shown(plan.resourceChanges());
        Lines doc = new Lines(limit - RESERVE);
        doc.add("## " + toolName + " plan" + modeSuffix(plan.mode()));
        doc.add("");
        doc.add(summary(plan, drift, changes));
        doc.add("");
        int omittedLines = 0;
        omittedLines += section(doc, "Changed outside " + toolName, drift, true);
        omittedLines += section(doc, "Changes", changes, false);

        List<Details> details = new ArrayList<>();
        for (ResourceChange c : drift) details.add(new Details("Drift", c, renderer.plainResource(c, true)));
        for (ResourceChange c : changes) details.add(new Details("Change", c, renderer.plainResource(c, false)));
        int omittedDetails = 0;
        for (Details d : details) {
            if (omittedLines > 0 || !doc.addAll(d.lines())) omittedDetails++;
        }
        // Past this point the reserve is available: the notes must always be written.
        doc.release(limit);
        if (omittedLines > 0) doc.add("_" + omittedLines + " more addresses not listed: the plan is too long for one comment._");
        if (omittedDetails > 0) {
            doc.add("_" + omittedDetails + " of " + details.size() + " diffs omitted to stay within " + limit
                    + " characters; run `" + toolName + " plan` to see them._");
        }
        return doc.text();
    }

    private static String modeSuffix(Plan.Mode mode) {
        return switch (mode) {
            case DESTROY -> " (destroy)";
            case REFRESH_ONLY -> " (refresh only)";
            case NORMAL -> "";
        };
    }

    private static String summary(Plan plan, List<ResourceChange> drift, List<ResourceChange> changes) {
        Plan.Summary s = plan.summary();
        long outputs = plan.outputChanges().stream().map(OutputChange::action).filter(a -> a != Action.NO_OP).count();
        if (changes.isEmpty() && drift.isEmpty() && outputs == 0) return "**No changes.**";
        String counts = plan.mode() == Plan.Mode.REFRESH_ONLY ? ""
                : "**" + s.add() + "** to add, **" + s.change() + "** to change, **" + s.destroy() + "** to destroy, ";
        return counts + "**" + drift.size() + "** drifted"
                + (outputs > 0 && plan.mode() != Plan.Mode.REFRESH_ONLY ? ", " + outputs + " output changes" : "") + ".";
    }

    /** Lists the addresses with what happens to them; returns how many did not fit. */
    private static int section(Lines doc, String title, List<ResourceChange> list, boolean drift) {
        if (list.isEmpty()) return 0;
        if (!doc.add("### " + title) || !doc.add("")) return list.size();
        int missed = 0;
        for (ResourceChange c : list) {
            if (missed > 0 || !doc.add("- " + Markdown.code(c.addr().toString()) + Verbs.deposed(c) + " " + Verbs.of(c, drift))) missed++;
        }
        doc.add("");
        return missed;
    }

    /** One collapsed section; kept or dropped as a whole. */
    private record Details(String kind, ResourceChange change, String block) {
        List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add("<details><summary>" + kind + ": <code>" + Markdown.html(change.addr().toString() + Verbs.deposed(change))
                    + "</code></summary>");
            out.add("");
            out.addAll(DiffFence.lines(block.stripTrailing()));
            out.add("");
            out.add("</details>");
            out.add("");
            return out;
        }
    }
}
