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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds a single element type for {@code list(any)}, {@code set(any)} and {@code map(any)}, as
 * Terraform does: mixed primitives unify to string when a string is among them; nested lists and
 * objects unify position by position (same length or same attributes) or, when their shapes
 * differ, all their elements together; anything else that disagrees cannot form a collection.
 */
final class Unify {
    private Unify() {
    }

    static List<Value> elements(List<Value> items, String path, String kind) {
        boolean string = false, number = false, bool = false, list = false, map = false, sensitive = false;
        for (Value v : items) {
            sensitive |= v instanceof SensitiveValue;
            Value p = v instanceof SensitiveValue s ? s.inner() : v;
            if (p instanceof StringValue) string = true;
            else if (p instanceof NumberValue) number = true;
            else if (p instanceof BoolValue) bool = true;
            else if (p instanceof ListValue) list = true;
            else if (p instanceof MapValue) map = true;
        }
        int primitives = (string ? 1 : 0) + (number ? 1 : 0) + (bool ? 1 : 0);
        int structural = (list ? 1 : 0) + (map ? 1 : 0);
        if (primitives + structural == 0) return items;
        if (structural == 0) {
            if (primitives == 1) return items;
            if (!string) throw new TypeConversionException(path, "all " + kind + " elements must have the same type");
            List<Value> out = new ArrayList<>(items.size());
            for (Value item : items) out.add(Type.STRING.convert(item));
            return out;
        }
        if (primitives > 0 || structural > 1) {
            throw new TypeConversionException(path, "all " + kind + " elements must have the same type");
        }
        if (sensitive) return items; // nested markings stay exactly where they are
        return list ? lists(items, path, kind) : maps(items, path, kind);
    }

    private static List<Value> lists(List<Value> items, String path, String kind) {
        int size = -1;
        boolean sameSize = true;
        for (Value v : items) {
            if (!(v instanceof ListValue l)) continue;
            if (l.set()) sameSize = false;
            if (size >= 0 && l.size() != size) sameSize = false;
            size = l.size();
        }
        List<Value> out = new ArrayList<>(items);
        if (sameSize) {
            for (int i = 0; i < size; i++) {
                List<Value> column = new ArrayList<>();
                for (Value v : items) if (v instanceof ListValue l) column.add(l.get(i));
                List<Value> unified = elements(column, path, kind);
                int k = 0;
                for (int j = 0; j < items.size(); j++) {
                    if (out.get(j) instanceof ListValue l) out.set(j, with(l, i, unified.get(k++)));
                }
            }
            return out;
        }
        List<Value> pooled = new ArrayList<>();
        for (Value v : items) if (v instanceof ListValue l) pooled.addAll(l.items());
        List<Value> unified = elements(pooled, path, kind);
        int k = 0;
        for (int j = 0; j < items.size(); j++) {
            if (items.get(j) instanceof ListValue l) {
                out.set(j, new ListValue(unified.subList(k, k + l.size()), l.set()));
                k += l.size();
            }
        }
        return out;
    }

    private static ListValue with(ListValue l, int i, Value v) {
        List<Value> copy = new ArrayList<>(l.items());
        copy.set(i, v);
        return new ListValue(copy, l.set());
    }

    private static List<Value> maps(List<Value> items, String path, String kind) {
        Set<String> keys = null;
        boolean sameKeys = true;
        for (Value v : items) {
            if (!(v instanceof MapValue m)) continue;
            if (keys != null && !keys.equals(m.entries().keySet())) sameKeys = false;
            keys = m.entries().keySet();
        }
        List<Value> out = new ArrayList<>(items);
        if (sameKeys) {
            for (String key : keys) {
                List<Value> column = new ArrayList<>();
                for (Value v : items) if (v instanceof MapValue m) column.add(m.get(key));
                List<Value> unified = elements(column, path, kind);
                int k = 0;
                for (int j = 0; j < items.size(); j++) {
                    if (out.get(j) instanceof MapValue m) out.set(j, m.with(key, unified.get(k++)));
                }
            }
            return out;
        }
        List<Value> pooled = new ArrayList<>();
        for (Value v : items) if (v instanceof MapValue m) pooled.addAll(m.entries().values());
        List<Value> unified = elements(pooled, path, kind);
        int k = 0;
        for (int j = 0; j < items.size(); j++) {
            if (items.get(j) instanceof MapValue m) {
                Map<String, Value> entries = new TreeMap<>();
                for (String key : m.entries().keySet()) entries.put(key, unified.get(k++));
                out.set(j, new MapValue(entries));
            }
        }
        return out;
    }
}
