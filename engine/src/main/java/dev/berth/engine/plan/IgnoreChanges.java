package dev.berth.engine.plan;

import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.TreeMap;

/** lifecycle.ignore_changes: named attributes keep their prior values, so differences there plan nothing. */
public final class IgnoreChanges {
    private IgnoreChanges() {
    }

    public static MapValue apply(ResourceConfig.Lifecycle lc, MapValue cfg, MapValue prior) {
        if (prior == null || (!lc.ignoreAllChanges() && lc.ignoreChanges().isEmpty())) return cfg;
        TreeMap<String, Value> out = new TreeMap<>(cfg.entries());
        for (String name : cfg.entries().keySet()) {
            if ((lc.ignoreAllChanges() || lc.ignoreChanges().contains(name)) && prior.has(name)) {
                out.put(name, prior.get(name));
            }
        }
        return new MapValue(out);
    }
}
