package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ContainerInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One attribute across all instances as small integers, so spread counts are array slots.
 * An instance without the attribute gets value id 0, shown as null: those instances are spread as
 * one more value of their own.
 */
final class AttributeColumn {
    final int[] valueOf;
    final List<String> values = new ArrayList<>();

    AttributeColumn(ContainerInstance[] instances, String attribute) {
        valueOf = new int[instances.length];
        Map<String, Integer> ids = new HashMap<>();
        values.add(null);
        for (int i = 0; i < instances.length; i++) {
            String v = instances[i].attributes().get(attribute);
            if (v == null) continue;
            valueOf[i] = ids.computeIfAbsent(v, k -> {
                values.add(k);
                return values.size() - 1;
            });
        }
    }

    int size() {
        return values.size();
    }
}
