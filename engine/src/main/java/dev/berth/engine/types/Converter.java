package dev.berth.engine.types;

import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The conversion rules behind {@link Type#convert}, threading the path for error messages. */
final class Converter {
    // The decimal forms Terraform accepts when a string stands in for a number.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Converter() {
    }

    static Value convert(Type type, Value v, String path) {
        if (v instanceof UnknownValue || v instanceof NullValue) return v;
        if (v instanceof SensitiveValue s) return Value.sensitive(convert(type, s.inner(), path));
        if (type instanceof AnyType) return v;
        if (type instanceof PrimitiveType p) return primitive(p, v, path);
        if (type instanceof ListType l) return new ListValue(unifyIfAny(l.element(), elements(type, v, path, l.element()), path, "list"));
        if (type instanceof SetType s) {
            List<Value> items = unifyIfAny(s.element(), elements(type, v, path, s.element()), path, "set");
            return ListValue.setOf(ValueOrder.distinctSorted(items));
        }
        if (type instanceof TupleType t) return tuple(t, v, path);
        if (type instanceof MapType m) return map(m, v, path);
        return object((ObjectType) type, v, path);
    }

    private static Value primitive(PrimitiveType p, Value v, String path) {
        switch (p) {
            case STRING:
                if (v instanceof StringValue) return v;
                if (v instanceof NumberValue n) return new StringValue(n.toString());
                if (v instanceof BoolValue b) return new StringValue(b.toString());
                throw mismatch(path, p, v);
            case NUMBER:
                if (v instanceof NumberValue) return v;
                if (v instanceof StringValue s) {
                    if (!DECIMAL.matcher(s.value()).matches()) {
                        throw new TypeConversionException(path, "a number is required");
                    }
                    return new NumberValue(new BigDecimal(s.value()));
                }
                throw mismatch(path, p, v);
            default:
                if (v instanceof BoolValue) return v;
                if (v instanceof StringValue s) {
                    if (s.value().equals("true")) return BoolValue.TRUE;
                    if (s.value().equals("false")) return BoolValue.FALSE;
                    throw new TypeConversionException(path, "a bool is required");
                }
                throw mismatch(path, p, v);
        }
    }

    private static List<Value> elements(Type type, Value v, String path, Type element) {
        if (!(v instanceof ListValue l)) throw mismatch(path, type, v);
        List<Value> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) out.add(convert(element, l.get(i), child(path, "element " + i)));
        return out;
    }

    private static Value tuple(TupleType t, Value v, String path) {
        if (!(v instanceof ListValue l)) throw mismatch(path, t, v);
        if (l.size() != t.elements().size()) {
            throw new TypeConversionException(path, "tuple required with " + t.elements().size()
                    + " elements, but have " + l.size());
        }
        List<Value> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(convert(t.elements().get(i), l.get(i), child(path, "element " + i)));
        }
        return new ListValue(out);
    }

    private static Value map(MapType m, Value v, String path) {
        if (!(v instanceof MapValue mv)) throw mismatch(path, m, v);
        Map<String, Value> out = new TreeMap<>();
        mv.entries().forEach((k, item) -> out.put(k, convert(m.element(), item, child(path, "element " + quote(k)))));
        if (m.element() instanceof AnyType) {
            List<String> keys = new ArrayList<>(out.keySet());
            List<Value> unified = Unify.elements(new ArrayList<>(out.values()), path, "map");
            for (int i = 0; i < keys.size(); i++) out.put(keys.get(i), unified.get(i));
        }
        return new MapValue(out);
    }

    private static Value object(ObjectType o, Value v, String path) {
        if (!(v instanceof MapValue mv)) throw mismatch(path, o, v);
        // Attributes the type does not declare are dropped, as Terraform does for variables.
        Map<String, Value> out = new TreeMap<>();
        o.attributes().forEach((name, attrType) -> {
            String at = child(path, "attribute " + quote(name));
            Value given = mv.has(name) ? mv.get(name) : null;
            Value fallback = o.defaults().get(name);
            if (fallback != null && (given == null || given.isNull())) {
                out.put(name, convert(attrType, fallback, at));
            } else if (given != null) {
                out.put(name, convert(attrType, given, at));
            } else if (o.isOptional(name)) {
                out.put(name, NullValue.INSTANCE);
            } else {
                throw new TypeConversionException(path, "attribute " + quote(name) + " is required");
            }
        });
        return new MapValue(out);
    }

    private static List<Value> unifyIfAny(Type element, List<Value> items, String path, String kind) {
        return element instanceof AnyType ? Unify.elements(items, path, kind) : items;
    }

    private static TypeConversionException mismatch(String path, Type want, Value got) {
        return new TypeConversionException(path, want.friendlyName() + " required, but have " + got.typeName());
    }

    static String child(String path, String step) {
        return path.isEmpty() ? step : path + ": " + step;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
