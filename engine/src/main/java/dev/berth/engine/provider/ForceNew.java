package dev.berth.engine.provider;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValuePaths;

import java.util.ArrayList;
import java.util.List;

/**
 * Which differences between a prior object and its planned successor force a replacement: the
 * schema's {@code forceNew} marks are the only source, as ForceNew is in Terraform's SDK. A
 * marked attribute or block whose value differs is reported at its path; a marked attribute
 * inside an unmarked nested block is reported per element ({@code ["container", 0, "image"]}).
 * A planned value that is still unknown differs from any known one, so it forces replacement.
 *
 * <p>Spellings that mean the same object (a cluster by name or by ARN) are not a change: the
 * provider plans the prior spelling in that case, which Terraform allows a provider to do
 * for an equivalent value, and then nothing here sees a difference.
 */
public final class ForceNew {
    private ForceNew() {
    }

    /** The force-new paths whose value differs, sorted by name; empty for a create or a delete. */
    public static List<List<Object>> changedPaths(BlockSchema body, MapValue prior, MapValue planned) {
        // Equal objects (an unchanged resource's plan) differ nowhere, force-new paths included.
        if (prior == null || planned == null || prior.equals(planned)) return List.of();
        List<List<Object>> out = new ArrayList<>();
        walk(body, prior, planned, List.of(), out);
        return out;
    }

    private static void walk(BlockSchema body, Value prior, Value planned, List<Object> at, List<List<Object>> out) {
        for (AttributeSchema a : body.attributesByName()) {
            if (a.forceNew() && changed(prior, planned, a.name())) out.add(append(at, a.name()));
        }
        for (BlockSchema.NestedBlock b : body.blocksByName()) {
            if (b.forceNew()) {
                if (changed(prior, planned, b.name())) out.add(append(at, b.name()));
                continue;
            }
            if (!b.body().forceNewInside()) continue;
            Value before = unwrap(ValuePaths.get(prior, b.name()));
            Value after = unwrap(ValuePaths.get(planned, b.name()));
            if (!(after instanceof ListValue) && !after.isNull() && changed(prior, planned, b.name())) {
                out.add(append(at, b.name())); // unknown blocks: which element changes is not known yet
                continue;
            }
            int n = Math.max(size(before), size(after));
            for (int i = 0; i < n; i++) {
                walk(b.body(), element(before, i), element(after, i), append(append(at, b.name()), i), out);
            }
        }
    }

    private static boolean changed(Value prior, Value planned, String name) {
        return !ValuePaths.sameValue(orNull(ValuePaths.get(prior, name)), orNull(ValuePaths.get(planned, name)));
    }

    private static Value unwrap(Value v) {
        Value x = v instanceof SensitiveValue s ? s.inner() : v;
        return orNull(x);
    }

    private static Value orNull(Value v) {
        return v == null ? Value.nil() : v;
    }

    private static int size(Value v) {
        return v instanceof ListValue l ? l.size() : 0;
    }

    private static Value element(Value list, int i) {
        return list instanceof ListValue l && i < l.size() ? l.get(i) : MapValue.EMPTY;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> out = new ArrayList<>(path);
        out.add(step);
        return List.copyOf(out);
    }
}
