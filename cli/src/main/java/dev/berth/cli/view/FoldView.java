package dev.berth.cli.view;

import dev.berth.engine.plan.Fold;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValuePaths;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes a change's runtime attributes (tasks, events, endpoints, counts) out of its diff and
 * says in one line what apply does to them, so a reviewer reads what the configuration changed.
 * Only attributes whose value changes are taken out: an unchanged one is hidden with the other
 * unchanged attributes as before. Drift is never folded: there the runtime values are the news.
 * Nested block types without an element are left out, as Terraform leaves them out.
 */
record FoldView(MapValue before, MapValue after, List<String> comments) {

    static FoldView of(ResourceChange c, boolean drift) {
        Fold fold = c.fold();
        if (drift || fold.isEmpty()) return new FoldView(c.before(), c.after(), List.of());
        MapValue before = c.before(), after = c.after();
        for (String block : fold.blocks()) {
            // Terraform prints a nested block per element, so a block type without one prints nothing.
            if (!none(before, block) || !none(after, block)) continue;
            if (before != null) before = before.with(block, Value.nil());
            if (after != null) after = after.with(block, Value.nil());
        }
        int folded = 0;
        for (String name : fold.attributes()) {
            Value b = before == null ? Value.nil() : before.get(name);
            Value a = after == null ? Value.nil() : after.get(name);
            if (b.isNull() && a.isNull() || ValuePaths.sameValue(b, a)) continue;
            folded++;
            if (before != null) before = before.with(name, Value.nil());
            if (after != null) after = after.with(name, Value.nil());
        }
        List<String> comments = new ArrayList<>();
        if (fold.summary() != null) comments.add("# " + fold.summary());
        else if (folded > 0) {
            comments.add("# (" + folded + " attribute" + (folded == 1 ? "" : "s") + " observed at run time hidden)");
        }
        return new FoldView(before, after, comments);
    }

    private static boolean none(MapValue v, String name) {
        if (v == null || v.get(name).isNull()) return true;
        return v.get(name).unmarked() instanceof dev.berth.engine.value.ListValue l && l.items().isEmpty();
    }
}
