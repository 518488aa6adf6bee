package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.view.Money;
import dev.berth.engine.cost.CostEstimate;
import dev.berth.engine.cost.CostEstimate.Line;
import dev.berth.engine.provider.CostRequests.Rate;

import java.math.BigDecimal;

import static dev.berth.cli.view.json.JsonDocs.NODES;

/**
 * The {@code cost} object of berth's plan document (Terraform's has none): totals and one entry
 * per billable resource. Amounts are exact decimal strings in US dollars, as Infracost writes
 * its own, so no reader loses a digit to binary floating point; a price berth could not tell is
 * null with the reason in {@code unpriced}, and the totals leave that resource out.
 */
public final class CostJson {
    private CostJson() {
    }

    /** Adds {@code "cost"} to a plan document. */
    public static ObjectNode attach(ObjectNode planDocument, CostEstimate e) {
        planDocument.set("cost", of(e));
        return planDocument;
    }

    public static ObjectNode of(CostEstimate e) {
        ObjectNode n = NODES.objectNode().put("currency", "USD")
                .put("hours_per_month", CostEstimate.HOURS_PER_MONTH.intValue())
                .put("monthly_before", Money.exact(e.monthlyBefore()))
                .put("monthly_after", Money.exact(e.monthlyAfter()))
                .put("monthly_change", Money.exact(e.monthlyChange()));
        ArrayNode resources = n.putArray("resources");
        for (Line l : e.lines()) {
            ObjectNode r = resources.addObject().put("address", l.addr().toString()).put("description", l.description());
            r.put("hourly_before", hourly(l.before())).put("hourly_after", hourly(l.after()));
            r.put("monthly_before", Money.exact(l.monthlyBefore())).put("monthly_after", Money.exact(l.monthlyAfter()));
            BigDecimal change = l.priced() ? l.monthlyAfter().subtract(l.monthlyBefore()) : null;
            r.put("monthly_change", Money.exact(change));
            if (!l.priced()) r.put("unpriced", l.unpricedReason());
        }
        ArrayNode unpriced = n.putArray("unpriced");
        e.unpriced().forEach(l -> unpriced.add(l.addr().toString()));
        return n;
    }

    private static String hourly(Rate r) {
        return r.known() ? Money.exact(r.perHour()) : null;
    }
}
