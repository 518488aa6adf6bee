package dev.berth.engine.provider;

import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;

/**
 * Terraform's UseStateForUnknown, read from the schema: on an in-place update, an attribute
 * marked {@link AttributeSchema#keepsOnUpdate()} that the provider planned as unknown takes its
 * prior value, so what refers to it (an output, another resource) stays known. Providers call it
 * once they know the plan is an update (as they call {@link ForceNew}), one rule for every type;
 * a create or a replacement has no prior object and keeps nothing.
 */
public final class KeptOnUpdate {
    private KeptOnUpdate() {
    }

    public static MapValue apply(ResourceSchema schema, MapValue prior, MapValue planned) {
        if (schema == null || prior == null || planned == null) return planned;
        MapValue out = planned;
        for (AttributeSchema a : schema.body().attributes().values()) {
            if (!a.keepsOnUpdate()) continue;
            Value before = prior.get(a.name());
            if (planned.get(a.name()).unmarked() instanceof UnknownValue && !before.isNull() && before.isWhollyKnown()) {
                out = out.with(a.name(), before);
            }
        }
        return out;
    }
}
