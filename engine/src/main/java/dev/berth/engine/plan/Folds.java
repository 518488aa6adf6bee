package dev.berth.engine.plan;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.ResourceSchema;

import java.util.List;

/** The fold of a change, read from its type's schema: every runtime attribute and block type, with the provider's summary. */
final class Folds {
    private Folds() {
    }

    static Fold of(ResourceSchema schema, String summary) {
        if (schema == null) return new Fold(List.of(), summary);
        List<String> names = schema.body().attributes().values().stream().filter(AttributeSchema::runtime)
                .map(AttributeSchema::name).sorted().toList();
        return new Fold(names, summary, schema.body().blocks().keySet().stream().sorted().toList());
    }
}
