package dev.berth.engine.functions;

import dev.berth.engine.types.Type;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Terraform's functions over maps and objects. Iteration follows the sorted key order. */
final class MapFunctions {
    private MapFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.of("keys", List.of("inputMap"), a -> {
                    List<Value> out = new ArrayList<>();
                    for (String k : a.map(0).keySet()) out.add(new StringValue(k));
                    return new ListValue(out);
                }),
                Fn.of("values", List.of("mapping"), a -> new ListValue(new ArrayList<>(a.map(0).values()))),
                Fn.variadic("lookup", List.of("inputMap", "key"), "default", MapFunctions::lookup),
                Fn.of("matchkeys", List.of("values", "keys", "searchset"), MapFunctions::matchkeys),
                Fn.variadic("merge", List.of(), "maps", MapFunctions::merge),
                Fn.of("transpose", List.of("values"), MapFunctions::transpose),
                Fn.of("zipmap", List.of("keys", "values"), MapFunctions::zipmap));
    }

    private static Value lookup(Args a) {
        if (a.size() > 3) {
            throw new FunctionException(3, "lookup() takes two or three arguments, got " + a.size());
        }
        Map<String, Value> map = a.map(0);
        String key = a.string(1);
        if (map.containsKey(key)) return map.get(key);
        if (a.size() == 3) return a.get(2);
        throw new FunctionException(1, "lookup failed to find key " + Text.quote(key));
    }

    private static Value matchkeys(Args a) {
        List<Value> values = a.list(0), keys = a.list(1), search = a.list(2);
        if (values.size() != keys.size()) {
            throw new FunctionException("length of keys and values should be equal");
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (search.contains(keys.get(i))) out.add(values.get(i));
        }
        return new ListValue(out);
    }

    /** Later arguments win; null arguments are skipped so optional maps can be merged freely. */
    private static Value merge(Args a) {
        TreeMap<String, Value> out = new TreeMap<>();
        for (int i = 0; i < a.size(); i++) {
            Value v = a.get(i);
            if (v.isNull()) continue;
            if (!(v instanceof MapValue m)) {
                throw new FunctionException(i, "arguments must be maps or objects, got " + Text.quote(v.typeName()));
            }
            out.putAll(m.entries());
        }
        return new MapValue(out);
    }

    private static Value transpose(Args a) {
        MapValue input = (MapValue) a.convert(0, Type.map(Type.list(Type.STRING)));
        TreeMap<String, List<Value>> out = new TreeMap<>();
        input.entries().forEach((key, list) -> {
            if (list.isNull()) throw a.invalid(0, "input to transpose must not contain null lists");
            for (Value item : ((ListValue) list).items()) {
                if (item.isNull()) throw a.invalid(0, "input to transpose must not contain null values");
                out.computeIfAbsent(((StringValue) item).value(), k -> new ArrayList<>()).add(new StringValue(key));
            }
        });
        TreeMap<String, Value> result = new TreeMap<>();
        out.forEach((k, v) -> result.put(k, new ListValue(v)));
        return new MapValue(result);
    }

    private static Value zipmap(Args a) {
        List<String> keys = a.strings(0);
        List<Value> values = a.list(1);
        if (keys.size() != values.size()) {
            throw new FunctionException("number of keys (" + keys.size() + ") does not match number of values ("
                    + values.size() + ")");
        }
        TreeMap<String, Value> out = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) out.put(keys.get(i), values.get(i));
        return new MapValue(out);
    }
}
