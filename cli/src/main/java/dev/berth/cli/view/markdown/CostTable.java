package dev.berth.cli.view.markdown;

import dev.berth.cli.view.Money;
import dev.berth.engine.cost.CostEstimate;
import dev.berth.engine.cost.CostEstimate.Line;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cost table of a pull-request comment: a row per billable resource (before, after and
 * change a month) and the totals. It follows the plan's summary, which stays within
 * {@link MarkdownPlanView#LIMIT}; the table keeps to {@link #MAX_ROWS} rows, so the whole comment
 * stays under GitHub's 65,536 characters.
 */
public final class CostTable {
    static final int MAX_ROWS = 20;

    private CostTable() {
    }

    public static String render(CostEstimate e) {
        StringBuilder sb = new StringBuilder("### Cost\n\n");
        sb.append("| Resource | Priced | Before | After | Change |\n|---|---|--:|--:|--:|\n");
        List<Line> lines = e.lines();
        for (Line l : lines.subList(0, Math.min(MAX_ROWS, lines.size()))) {
            sb.append("| ").append(Markdown.code(l.addr().toString())).append(" | ").append(cell(l.description()));
            if (l.priced()) {
                sb.append(" | ").append(Money.usd(l.monthlyBefore())).append(" | ").append(Money.usd(l.monthlyAfter()))
                        .append(" | ").append(change(l.monthlyBefore(), l.monthlyAfter())).append(" |\n");
            } else {
                sb.append(" | not priced: ").append(cell(l.unpricedReason())).append(" | | |\n");
            }
        }
        BigDecimal before = e.monthlyBefore(), after = e.monthlyAfter();
        sb.append("| **Total** | | **").append(Money.usd(before)).append("** | **").append(Money.usd(after))
                .append("** | **").append(change(before, after)).append("** |\n\n");
        StringBuilder note = new StringBuilder("_Monthly, at " + CostEstimate.HOURS_PER_MONTH + " hours");
        if (lines.size() > MAX_ROWS) note.append("; ").append(lines.size() - MAX_ROWS).append(" more resources are in the totals but not listed");
        int unpriced = e.unpriced().size();
        if (unpriced > 0) {
            note.append("; ").append(unpriced).append(unpriced == 1 ? " resource" : " resources")
                    .append(" without a price left out of the totals");
        }
        if (lines.isEmpty()) note.append("; nothing in this plan is billed by the hour");
        return sb.append(note).append("._\n").toString();
    }

    private static String change(BigDecimal before, BigDecimal after) {
        return before.compareTo(after) == 0 ? "no change" : Money.change(after.subtract(before));
    }

    /** Table cells must not break the row. */
    private static String cell(String text) {
        return Markdown.html(text).replace("|", "\\|");
    }
}
