package dev.berth.ecs.cost;

import dev.berth.ecs.schema.ContainerInstanceSchema;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.CostRequests.CostItem;
import dev.berth.engine.provider.CostRequests.CostSubject;
import dev.berth.engine.provider.CostRequests.Rate;
import dev.berth.engine.value.MapValue;

import java.util.Map;
import java.util.Objects;

/**
 * An {@code ecs_container_instance} is billed as the EC2 instance it stands for, named by its
 * {@code ecs.instance-type} attribute; an instance whose type has no price is named, never
 * counted as free.
 */
final class InstancePricing {
    static final String INSTANCE_TYPE = "ecs.instance-type";

    private InstancePricing() {
    }

    static CostItem price(CostSubject s, PriceList prices) {
        return new CostItem(s.addr(), rate(s.before(), prices), rate(s.after(), prices), describe(s));
    }

    static Rate rate(MapValue v, PriceList prices) {
        if (v == null) return Rate.ZERO;
        if (Attrs.unknown(v, ContainerInstanceSchema.ATTRIBUTES)) return Rate.unknown("its attributes are known only after apply");
        String type = type(v);
        if (type == null) return Rate.unknown("it has no " + INSTANCE_TYPE + " attribute");
        return rate(type, prices);
    }

    /** The price of one instance of {@code type}, or why there is none. */
    static Rate rate(String type, PriceList prices) {
        return prices.instance(type).map(Rate::perHour)
                .orElseGet(() -> Rate.unknown("instance type " + type + " is not in " + prices.source()));
    }

    static String type(MapValue v) {
        if (v == null || Attrs.unknown(v, ContainerInstanceSchema.ATTRIBUTES)) return null;
        Map<String, String> attrs = Attrs.stringMap(Attrs.raw(v, ContainerInstanceSchema.ATTRIBUTES));
        return attrs == null ? null : attrs.get(INSTANCE_TYPE);
    }

    /** "t3.medium instance", "0 -> 1 t3.medium instance", "t3.medium -> m5.large instance". */
    private static String describe(CostSubject s) {
        String b = shown(s.before()), a = shown(s.after());
        if (s.before() == null) return "0 -> 1 " + a + " instance";
        if (s.after() == null) return "1 -> 0 " + b + " instance";
        return (Objects.equals(a, b) ? a : b + " -> " + a) + " instance";
    }

    private static String shown(MapValue v) {
        if (v == null) return "";
        if (Attrs.unknown(v, ContainerInstanceSchema.ATTRIBUTES)) return "(type known after apply)";
        String type = type(v);
        return type == null ? "untyped" : type;
    }
}
