package dev.berth.engine.cost;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.provider.CostRequests.Rate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a plan costs: every billable object's monthly cost before and after, ordered by address,
 * and the totals. A month is 730 hours, as AWS's pricing calculator counts it. Amounts are exact;
 * views round them when they print them. An object whose price is unknown is left out of the
 * totals and listed by {@link #unpriced()}, never counted as zero.
 */
public record CostEstimate(List<Line> lines, List<Diagnostic> diagnostics) {
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);
    public static final CostEstimate NONE = new CostEstimate(List.of(), List.of());

    public CostEstimate {
        lines = List.copyOf(lines);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One object: its hourly rates before and after, and the provider's line about it. */
    public record Line(ResourceInstanceAddr addr, Rate before, Rate after, String description) {
        public Line {
            Objects.requireNonNull(addr);
            Objects.requireNonNull(before);
            Objects.requireNonNull(after);
        }

        /** Dollars a month before the plan; null when unknown. */
        public BigDecimal monthlyBefore() {
            return monthly(before);
        }

        /** Dollars a month after the plan; null when unknown. */
        public BigDecimal monthlyAfter() {
            return monthly(after);
        }

        public boolean priced() {
            return before.known() && after.known();
        }

        /** Why this object could not be priced (the after side's reason first), or null. */
        public String unpricedReason() {
            return !after.known() ? after.unpriced() : before.unpriced();
        }
    }

    public static BigDecimal monthly(Rate r) {
        return r.known() ? r.perHour().multiply(HOURS_PER_MONTH) : null;
    }

    /** The monthly total before the plan, of the objects whose price is known both before and after. */
    public BigDecimal monthlyBefore() {
        return lines.stream().filter(Line::priced).map(Line::monthlyBefore).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The monthly total after the plan, of the same objects as {@link #monthlyBefore()}. */
    public BigDecimal monthlyAfter() {
        return lines.stream().filter(Line::priced).map(Line::monthlyAfter).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal monthlyChange() {
        return monthlyAfter().subtract(monthlyBefore());
    }

    /** Objects with a price unknown before or after, which the totals leave out. */
    public List<Line> unpriced() {
        return lines.stream().filter(l -> !l.priced()).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
