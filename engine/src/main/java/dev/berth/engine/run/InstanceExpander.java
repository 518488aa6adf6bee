package dev.berth.engine.run;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.eval.Scope;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a resource's {@code count} or {@code for_each} into its instance keys, each with the
 * {@code each.value} it sees. Both must be known at plan time, as in Terraform.
 */
public final class InstanceExpander {
    private InstanceExpander() {
    }

    /** Instance keys in order; empty map with an error added when they cannot be determined. */
    public static Map<InstanceKey, Value> expand(ResourceConfig rc, Evaluator evaluator, Scope scope, Diagnostics diags) {
        Map<InstanceKey, Value> out = new LinkedHashMap<>();
        if (rc.count() != null) {
            Value v = evaluator.evaluate(rc.count(), scope, diags);
            if (v.containsSensitive()) {
                diags.error("Invalid count argument: sensitive values cannot be used as count, because the instance "
                        + "addresses would reveal them.", "", rc.count().range());
                return out;
            }
            if (!v.isWhollyKnown()) {
                diags.error("Invalid count argument: the count value depends on attributes that cannot be determined "
                                + "until apply, so berth cannot predict how many instances will be created.",
                        "Use -target to apply the resources it depends on first.", rc.count().range());
                return out;
            }
            if (!(v instanceof NumberValue n) || !n.isInteger() || n.value().signum() < 0) {
                diags.error("Invalid count argument: the count must be a whole number of zero or more, but found "
                        + describe(v) + ".", "", rc.count().range());
                return out;
            }
            for (int i = 0; i < n.value().intValueExact(); i++) out.put(InstanceKey.of(i), Value.nil());
            return out;
        }
        if (rc.forEach() != null) {
            Value v = evaluator.evaluate(rc.forEach(), scope, diags);
            if (v.containsSensitive()) {
                diags.error("Invalid for_each argument: sensitive values cannot be used in for_each, because the "
                        + "instance keys would reveal them.", "", rc.forEach().range());
                return out;
            }
            if (!v.isWhollyKnown()) {
                diags.error("Invalid for_each argument: the for_each value depends on attributes that cannot be "
                        + "determined until apply, so berth cannot predict which instances will be created.",
                        "Use -target to apply the resources it depends on first.", rc.forEach().range());
                return out;
            }
            if (v instanceof MapValue m) {
                m.entries().forEach((k, val) -> out.put(InstanceKey.of(k), val));
            } else if (v instanceof ListValue l && l.items().stream().allMatch(x -> x instanceof StringValue)) {
                l.items().stream().map(x -> ((StringValue) x).value()).sorted().distinct()
                        .forEach(s -> out.put(InstanceKey.of(s), Value.of(s)));
            } else {
                diags.error("Invalid for_each argument: for_each takes a map or a set of strings, but found "
                        + describe(v) + ".", "", rc.forEach().range());
            }
            return out;
        }
        out.put(InstanceKey.NONE, Value.nil());
        return out;
    }

    private static String describe(Value v) {
        return v instanceof NumberValue n ? n.toString() : "a " + v.typeName();
    }
}
