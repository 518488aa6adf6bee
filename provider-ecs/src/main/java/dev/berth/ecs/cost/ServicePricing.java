package dev.berth.ecs.cost;

import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.CostRequests.CostItem;
import dev.berth.engine.provider.CostRequests.CostSubject;
import dev.berth.engine.provider.CostRequests.Rate;
import dev.berth.engine.value.MapValue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An {@code ecs_service} on each side of a plan: FARGATE bills its desired count of tasks by
 * their size; an EC2 service costs nothing of its own, since its cluster's instances are what
 * is billed (and are priced as {@code ecs_container_instance}).
 */
final class ServicePricing {
    private ServicePricing() {
    }

    /** One side: whether the service exists, its desired count (null: unknown), launch type and size. */
    private record Side(boolean exists, Integer count, String launchType, Sizing sizing) {
        boolean fargate() {
            return "FARGATE".equals(launchType);
        }

        Rate rate(PriceList prices) {
            if (!exists) return Rate.ZERO;
            if (count == null) return Rate.unknown("its desired count is known only after apply");
            if (launchType == null) return Rate.unknown("its launch type is known only after apply");
            if (!fargate()) return Rate.ZERO;
            if (!sizing.known()) return Rate.unknown(sizing.reason());
            TaskShape shape = sizing.shape();
            return prices.fargate(shape.arch())
                    .map(r -> Rate.perHour(r.hourly(shape).multiply(BigDecimal.valueOf(count))))
                    .orElseGet(() -> Rate.unknown(prices.source() + " has no FARGATE " + shape.arch() + " rates"));
        }

        /** The task size; an EC2 service's does not change its price, so an unknown one goes unsaid. */
        String size() {
            if (sizing == null) return "";
            if (sizing.known()) return sizing.shape().describe();
            return fargate() ? "size unknown" : "";
        }
    }

    static CostItem price(CostSubject s, PlanSide before, PlanSide after, PriceList prices,
                          TaskDefinitionSizes.Lookup lookup) {
        Side b = side(s.before(), before, s, lookup);
        Side a = side(s.after(), after, s, lookup);
        return new CostItem(s.addr(), b.rate(prices), a.rate(prices), describe(b, a));
    }

    private static Side side(MapValue v, PlanSide world, CostSubject s, TaskDefinitionSizes.Lookup lookup) {
        if (v == null) return new Side(false, 0, null, null);
        BigDecimal n = Attrs.unknown(v, ServiceSchema.DESIRED_COUNT) ? null : Attrs.number(v, ServiceSchema.DESIRED_COUNT);
        String launch = Attrs.unknown(v, ServiceSchema.LAUNCH_TYPE) ? null
                : Objects.requireNonNullElse(Attrs.string(v, ServiceSchema.LAUNCH_TYPE), "FARGATE");
        Sizing sizing = world.sizeOf(v, s.upstream(), lookup);
        return new Side(true, n == null ? null : n.intValue(), launch, sizing);
    }

    /** "2 -> 4 tasks x 0.25 vCPU, 0.5 GB FARGATE": counts, size and launch type, each with its change. */
    private static String describe(Side b, Side a) {
        Side shown = a.exists ? a : b;
        String count = b.exists && a.exists && Objects.equals(b.count, a.count) ? count(a.count) + tasks(a.count)
                : count(b.count) + " -> " + count(a.count) + tasks(a.exists ? a.count : b.count);
        String size = b.exists && a.exists && !b.size().equals(a.size()) ? b.size() + " -> " + a.size() : shown.size();
        String launch = b.exists && a.exists && !Objects.equals(b.launchType, a.launchType)
                ? launch(b.launchType) + " -> " + launch(a.launchType) : launch(shown.launchType);
        String where = shown.launchType != null && !shown.fargate() ? " (billed as its cluster's instances)" : "";
        return count + (size.isEmpty() ? "" : " x " + size) + " " + launch + where;
    }

    private static String count(Integer n) {
        return n == null ? "(known after apply)" : String.valueOf(n);
    }

    private static String tasks(Integer n) {
        return n != null && n == 1 ? " task" : " tasks";
    }

    private static String launch(String type) {
        return type == null ? "(launch type known after apply)" : type;
    }
}
