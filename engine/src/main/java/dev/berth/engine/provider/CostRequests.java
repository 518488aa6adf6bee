package dev.berth.engine.provider;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.value.MapValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Request and response records of the optional cost capability of the provider SPI: the
 * provider is shown its objects before and after a plan and answers what each billable one
 * costs per hour, in US dollars, with a line a reader understands. Pricing is pure as far as
 * the engine can tell: a provider may read its world to learn what an object is (a task
 * definition a service names), never change it.
 */
public final class CostRequests {
    private CostRequests() {
    }

    /**
     * One object of the plan: its value before and after (null where it does not exist then;
     * after may hold unknown values) and the resources its configuration or recorded state refers
     * to, so a provider can find what an unknown reference will be (a task definition registered
     * in the same apply).
     */
    public record CostSubject(ResourceInstanceAddr addr, String type, MapValue before, MapValue after,
                              List<ResourceAddr> upstream) {
        public CostSubject {
            Objects.requireNonNull(addr);
            upstream = upstream == null ? List.of() : List.copyOf(upstream);
        }
    }

    /** Every object of one provider in the plan, so related objects are priced together. */
    public record CostRequest(List<CostSubject> subjects) {
        public CostRequest {
            subjects = List.copyOf(subjects);
        }
    }

    /** Billable objects only: a subject the provider leaves out costs nothing of its own. */
    public record CostResponse(List<CostItem> items, List<ProviderDiagnostic> diagnostics) {
        public CostResponse {
            items = items == null ? List.of() : List.copyOf(items);
            diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        }

        public static final CostResponse NONE = new CostResponse(List.of(), List.of());
    }

    /**
     * What one object costs before and after, and one line that says what is priced (e.g.
     * {@code 2 -> 4 tasks x 0.25 vCPU, 0.5 GB FARGATE}).
     */
    public record CostItem(ResourceInstanceAddr addr, Rate before, Rate after, String description) {
        public CostItem {
            Objects.requireNonNull(addr);
            Objects.requireNonNull(before);
            Objects.requireNonNull(after);
            description = description == null ? "" : description;
        }
    }

    /**
     * US dollars per hour, exact; or, when {@code perHour} is null, a price the provider could
     * not tell and {@code unpriced} says why in a few words ("instance type x9.huge is not in the
     * price list"). An unknown price is never counted as zero.
     */
    public record Rate(BigDecimal perHour, String unpriced) {
        public static final Rate ZERO = new Rate(BigDecimal.ZERO, null);

        public Rate {
            if ((perHour == null) == (unpriced == null)) {
                throw new IllegalArgumentException("a rate is either an amount or the reason there is none");
            }
        }

        public static Rate perHour(BigDecimal amount) {
            return new Rate(Objects.requireNonNull(amount), null);
        }

        public static Rate unknown(String why) {
            return new Rate(null, Objects.requireNonNull(why));
        }

        public boolean known() {
            return perHour != null;
        }
    }
}
