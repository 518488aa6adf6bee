package dev.berth.engine.types;

import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a single element type for {@code list(any)}, {@code set(any)} and {@code map(any)}, as
 * Terraform does: mixed primitives unify to string when a string is among them, anything else
 * that disagrees cannot form a collection.
 */
final class Unify {
    private Unify() {
    }

    static List<Value> elements(List<Value> items, String path, String kind) {
        boolean string = false, number = false, bool = false, list = false, map = false;
        for (Value v : items) {
            Value p = v instanceof SensitiveValue s ? s.inner() : v;
            if (p instanceof StringValue) string = true;
            else if (p instanceof NumberValue) number = true;
            else if (p instanceof BoolValue) bool = true;
            else if (p instanceof ListValue) list = true;
            else if (p instanceof MapValue) map = true;
        }
        int primitives = (string ? 1 : 0) + (number ? 1 : 0) + (bool ? 1 : 0);
        int structural = (list ? 1 : 0) + (map ? 1 : 0);
        if (primitives + structural <= 1) return items;
        if (structural == 0 && string) {
            List<Value> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(Type.STRING.convert(items.get(i)));
            }
            return out;
        }
        throw new TypeConversionException(path, "all " + kind + " elements must have the same type");
    }
}
