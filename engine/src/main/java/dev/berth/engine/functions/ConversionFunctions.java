package dev.berth.engine.functions;

import dev.berth.engine.types.Type;
import dev.berth.engine.types.TypeConversionException;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.List;

/** Explicit conversions. Null converts to null, as it does for every Terraform type. */
final class ConversionFunctions {
    private ConversionFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.of("tostring", List.of("v"), a -> primitive(a, Type.STRING)),
                Fn.of("tonumber", List.of("v"), a -> primitive(a, Type.NUMBER)),
                Fn.of("tobool", List.of("v"), a -> primitive(a, Type.BOOL)),
                Fn.of("tolist", List.of("v"), a -> collection(a, Type.list(Type.ANY), "list")),
                Fn.of("toset", List.of("v"), a -> collection(a, Type.set(Type.ANY), "set")),
                Fn.of("tomap", List.of("v"), a -> collection(a, Type.map(Type.ANY), "map")),
                // berth has no ephemeral values, so nothing is ever turned to null: the value passes through.
                Fn.of("ephemeralasnull", List.of("value"), a -> a.get(0)));
    }

    private static Value primitive(Args a, Type type) {
        Value v = a.get(0);
        if (v.isNull()) return v;
        try {
            return type.convert(v);
        } catch (TypeConversionException e) {
            if (v instanceof StringValue s && type == Type.NUMBER) {
                throw a.invalid(0, "cannot convert " + Text.quote(s.value())
                        + " to number; given string must be a decimal representation of a number");
            }
            if (v instanceof StringValue s && type == Type.BOOL) {
                throw a.invalid(0, "cannot convert " + Text.quote(s.value())
                        + " to bool; only the strings \"true\" or \"false\" are allowed");
            }
            throw a.invalid(0, "cannot convert " + v.typeName() + " to " + type.friendlyName());
        }
    }

    private static Value collection(Args a, Type type, String kind) {
        Value v = a.get(0);
        if (v.isNull()) return v;
        boolean shapeFits = kind.equals("map") ? v instanceof MapValue : v instanceof ListValue;
        if (!shapeFits) throw a.invalid(0, "cannot convert " + v.typeName() + " to " + type.friendlyName());
        try {
            return type.convert(v);
        } catch (TypeConversionException e) {
            throw a.invalid(0, "cannot convert " + v.typeName() + " to " + kind + " of any single type");
        }
    }
}
