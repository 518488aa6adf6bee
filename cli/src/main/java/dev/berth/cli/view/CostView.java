package dev.berth.cli.view;

import dev.berth.engine.cost.CostEstimate;
import dev.berth.engine.cost.CostEstimate.Line;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cost section that ends a human plan: the monthly total before and after and the change,
 * then one row per billable object with what is priced and its own before and after, e.g.
 * <pre>
 * Cost: $18.02/month -> $36.04/month (+$18.02)
 *   ecs_service.web  2 -> 4 tasks x 0.25 vCPU, 0.5 GB FARGATE  $18.02 -> $36.04 (+$18.02)
 * </pre>
 * An object without a price says why instead of an amount, and the total says it leaves it out.
 */
public final class CostView {
    private CostView() {
    }

    public static String render(CostEstimate e, RenderOptions opts) {
        Palette p = opts.palette();
        StringBuilder sb = new StringBuilder("\n");
        sb.append(p.bold("Cost:")).append(' ').append(total(e)).append('\n');
        List<Line> lines = e.lines();
        int addrWidth = lines.stream().mapToInt(l -> l.addr().toString().length()).max().orElse(0);
        int descWidth = Math.min(60, lines.stream().mapToInt(l -> l.description().length()).max().orElse(0));
        for (Line l : lines) {
            sb.append("  ").append(pad(l.addr().toString(), addrWidth)).append("  ")
                    .append(pad(l.description(), descWidth)).append("  ").append(amounts(l)).append('\n');
        }
        if (lines.isEmpty()) sb.append("  Nothing in this plan is billed by the hour.\n");
        return sb.toString();
    }

    /** "$18.02/month -> $36.04/month (+$18.02)", with what the totals leave out. */
    public static String total(CostEstimate e) {
        BigDecimal before = e.monthlyBefore(), after = e.monthlyAfter();
        String text = Money.usd(before) + "/month -> " + Money.usd(after) + "/month ("
                + (before.compareTo(after) == 0 ? "no change" : Money.change(e.monthlyChange())) + ")";
        int unpriced = e.unpriced().size();
        if (unpriced > 0) text += ", leaving out " + unpriced + (unpriced == 1 ? " object" : " objects") + " without a price";
        return text;
    }

    static String amounts(Line l) {
        if (!l.priced()) return "not priced: " + l.unpricedReason();
        BigDecimal b = l.monthlyBefore(), a = l.monthlyAfter();
        if (b.compareTo(a) == 0) return Money.usd(a);
        return Money.usd(b) + " -> " + Money.usd(a) + " (" + Money.change(a.subtract(b)) + ")";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
