package dev.berth.engine.provider;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.MarkedPaths;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValuePaths;

import java.util.List;
import java.util.Map;

/**
 * Puts sensitive markings back on what a provider returns. Providers work on plain values (the
 * engine lifts the markings off first, as Terraform does), so whatever they compute from a secret
 * would come back readable; these rules mark it again:
 * <ul>
 * <li>a marked path of the configuration (or of the plan being applied) marks the same path of
 * the result when the provider kept the value there, and the whole top-level attribute when it
 * rewrote it (normalised JSON, a sorted set): a rewritten secret is still a secret;</li>
 * <li>a marked path of the prior state marks the result where configuration does not set that
 * attribute and the value is unchanged, so computed values stay hidden across plans and
 * refreshes, while a configuration that stops marking a value unmarks it (and so do derived
 * attributes, whose markings come from their sources alone);</li>
 * <li>attributes the schema calls sensitive are marked (or the parts it names), and so is every attribute
 * {@linkplain AttributeSchema#derivedFrom() derived} from one that holds a marking.</li>
 * </ul>
 */
public final class ProviderMarks {
    private ProviderMarks() {
    }

    /**
     * The result with markings carried over. {@code authoritative} are values the result was made
     * from (configuration, plan); {@code prior} is the earlier state, used where {@code config}
     * leaves an attribute unset (null config: everywhere).
     */
    public static MapValue carry(MapValue result, ResourceSchema schema, List<MapValue> authoritative,
                                 MapValue prior, MapValue config) {
        if (result == null) return null;
        Value out = result;
        for (MapValue source : authoritative) {
            if (source == null) continue;
            for (List<Object> p : MarkedPaths.of(source)) {
                out = ValuePaths.sameValue(ValuePaths.get(out, p), ValuePaths.get(source, p))
                        ? MarkedPaths.mark(out, p) : MarkedPaths.mark(out, topLevel(p));
            }
        }
        if (prior != null) {
            for (List<Object> p : MarkedPaths.of(prior)) {
                if (p.isEmpty()) continue;
                String attr = (String) p.get(0);
                boolean setByConfig = config != null && !config.get(attr).isNull();
                boolean rederived = config != null && derivedInSchema(schema, attr);
                if (!setByConfig && !rederived && ValuePaths.sameValue(ValuePaths.get(out, p), ValuePaths.get(prior, p))) {
                    out = MarkedPaths.mark(out, p);
                }
            }
        }
        MapValue marked = out instanceof MapValue m ? m : result;
        if (schema != null) {
            marked = (MapValue) schemaSensitive(marked, schema.body());
            marked = derived(marked, schema.body());
        }
        return marked;
    }

    /**
     * When configuration is given, a derived attribute is marked by what it is derived from now,
     * not by what it once was; a refresh (no configuration) keeps what it had.
     */
    private static boolean derivedInSchema(ResourceSchema schema, String attr) {
        AttributeSchema a = schema == null ? null : schema.body().attributes().get(attr);
        return a != null && !a.derivedFrom().isEmpty();
    }

    /** The top-level attribute of a path; a marking of a whole object stays where it is. */
    private static List<Object> topLevel(List<Object> p) {
        return p.isEmpty() ? p : List.of(p.get(0));
    }

    private static Value schemaSensitive(Value v, BlockSchema body) {
        if (!(v instanceof MapValue m) || !body.sensitiveInside()) return v;
        MapValue out = m;
        for (AttributeSchema a : body.attributes().values()) {
            if (a.sensitive()) out = (MapValue) MarkedPaths.mark(out, List.of(a.name()));
            for (List<String> pattern : a.sensitiveWithin()) {
                if (out.has(a.name())) out = out.with(a.name(), within(out.get(a.name()), pattern, 0));
            }
        }
        for (BlockSchema.NestedBlock nb : body.blocks().values()) {
            if (out.get(nb.name()) instanceof ListValue l && nb.body().sensitiveInside()) {
                out = out.with(nb.name(), new ListValue(l.items().stream().map(i -> schemaSensitive(i, nb.body())).toList()));
            }
        }
        return out;
    }

    /** Marks every value the pattern reaches; absent keys are simply not there to mark. */
    private static Value within(Value v, List<String> pattern, int at) {
        if (v.isNull() || v instanceof SensitiveValue) return v;
        if (at == pattern.size()) return Value.sensitive(v);
        String step = pattern.get(at);
        if (v instanceof MapValue m) {
            Map<String, Value> copy = new java.util.TreeMap<>(m.entries());
            m.entries().forEach((k, x) -> {
                if (step.equals(AttributeSchema.ANY_STEP) || step.equals(k)) copy.put(k, within(x, pattern, at + 1));
            });
            return new MapValue(copy);
        }
        if (v instanceof ListValue l && step.equals(AttributeSchema.ANY_STEP)) {
            return new ListValue(l.items().stream().map(x -> within(x, pattern, at + 1)).toList());
        }
        return v;
    }

    /** Marks derived attributes until nothing changes, so a chain of derivations is followed. */
    private static MapValue derived(MapValue v, BlockSchema body) {
        boolean changed = !body.derivedAttributes().isEmpty();
        while (changed) {
            changed = false;
            for (AttributeSchema a : body.derivedAttributes()) {
                Value current = v.get(a.name());
                if (current.isNull() || current instanceof SensitiveValue) continue;
                if (anyMarked(v, a.derivedFrom())) {
                    v = v.with(a.name(), Value.sensitive(current));
                    changed = true;
                }
            }
        }
        return v;
    }

    private static boolean anyMarked(MapValue v, List<String> sources) {
        for (String s : sources) if (v.get(s).containsSensitive()) return true;
        return false;
    }
}
