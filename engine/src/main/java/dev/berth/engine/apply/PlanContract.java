package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;
import dev.berth.engine.value.ValuePaths;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The approved plan is a promise: a value it knew may not change, at any depth, while a value it
 * left unknown may become anything. Terraform's objchange.AssertObjectCompatible holds apply to
 * the plan in the same way, twice: when apply plans again with what it has learnt so far, and
 * when the provider returns what it did. Pure; the sentences never print a sensitive value.
 */
final class PlanContract {
    private PlanContract() {
    }

    /** One broken promise: where, and what was promised and delivered (already safe to print). */
    record Broken(String path, String promised, String delivered) {
        @Override
        public String toString() {
            return path + ": was " + promised + ", but now " + delivered;
        }
    }

    /** The places where {@code actual} departs from what {@code promised} knew. */
    static List<Broken> check(Value promised, Value actual, ResourceSchema schema) {
        List<Broken> out = new ArrayList<>();
        compare(promised, actual, "", false, schema, out);
        return out;
    }

    /** Apply planned again and the provider now proposes other known values than were approved. */
    static Diagnostic inconsistentFinalPlan(ResourceInstanceAddr addr, String provider, List<Broken> broken) {
        return Diagnostic.error("Provider produced an inconsistent final plan for " + addr,
                "When planning " + addr + " again at apply with the values learnt so far, provider \"" + provider
                        + "\" changed values the approved plan already knew: " + list(broken) + ". Nothing was "
                        + "changed for this instance. This is a bug in the provider; please report it.", null);
    }

    /** The provider did something other than the approved plan said. */
    static Diagnostic inconsistentResult(ResourceInstanceAddr addr, String provider, List<Broken> broken) {
        return Diagnostic.error("Provider produced an inconsistent result after apply for " + addr,
                "Provider \"" + provider + "\" returned values other than it planned: " + list(broken) + ". The "
                        + "state records what the provider returned; resources that depend on " + addr
                        + " were not changed. This is a bug in the provider; please report it.", null);
    }

    private static String list(List<Broken> broken) {
        return broken.stream().map(Broken::toString).collect(Collectors.joining("; "));
    }

    private static void compare(Value promised, Value actual, String path, boolean sensitive, ResourceSchema schema,
                                List<Broken> out) {
        if (promised instanceof UnknownValue) return;
        if (promised instanceof SensitiveValue s) {
            compare(s.inner(), actual, path, true, schema, out);
            return;
        }
        if (actual instanceof SensitiveValue s) {
            compare(promised, s.inner(), path, true, schema, out);
            return;
        }
        if (promised instanceof MapValue p && actual instanceof MapValue a) {
            Set<String> keys = new TreeSet<>(p.entries().keySet());
            keys.addAll(a.entries().keySet());
            for (String k : keys) {
                boolean secret = sensitive || path.isEmpty() && sensitiveAttribute(schema, k);
                compare(p.get(k), a.get(k), path + step(k), secret, schema, out);
            }
            return;
        }
        if (promised instanceof ListValue p && actual instanceof ListValue a && p.size() == a.size()) {
            for (int i = 0; i < p.size(); i++) compare(p.get(i), a.get(i), path + "[" + i + "]", sensitive, schema, out);
            return;
        }
        if (actual.isWhollyKnown() && ValuePaths.sameValue(promised, actual)) return;
        out.add(new Broken(path.isEmpty() ? "the whole object" : path, show(promised, sensitive),
                show(actual, sensitive)));
    }

    private static boolean sensitiveAttribute(ResourceSchema schema, String name) {
        if (schema == null) return false;
        AttributeSchema a = schema.body().attributes().get(name);
        return a != null && a.sensitive();
    }

    private static String step(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_-]*") ? "." + key : "[" + ValueJson.toJson(new StringValue(key)) + "]";
    }

    private static String show(Value v, boolean sensitive) {
        if (sensitive || v.containsSensitive()) return "(sensitive value)";
        if (!v.isWhollyKnown()) return "(known after apply)";
        return ValueJson.toJson(v);
    }
}
