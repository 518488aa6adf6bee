package dev.berth.cli.view;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a before and an after value into a {@link Diff} tree. Two flavours exist because
 * resource attributes and JSON documents follow different rules in Terraform: an attribute that
 * is null on both sides is simply not there, while a JSON member written as null is kept; and
 * JSON arrays are always aligned by common subsequence, while attribute sequences of equal
 * length are compared position by position (how Terraform treats tuples, e.g. a one-element
 * trigger list changing {@code "v1" -> "v2"}).
 */
final class ValueDiffer {

    private final Set<List<Object>> replacePaths;
    private final boolean json;

    private ValueDiffer(Set<List<Object>> replacePaths, boolean json) {
        this.replacePaths = replacePaths;
        this.json = json;
    }

    static ValueDiffer forResource(List<List<Object>> replacePaths) {
        Set<List<Object>> set = new HashSet<>();
        for (List<Object> p : replacePaths) set.add(normalisePath(p));
        return new ValueDiffer(set, false);
    }

    static ValueDiffer forJson() {
        return new ValueDiffer(Set.of(), true);
    }

    /** The attributes of a resource instance; either side is null when the object is new or gone. */
    Diff.Obj block(MapValue before, MapValue after) {
        return object(before, after, List.of(), false);
    }

    Diff diff(Value before, Value after) {
        return diff(before, after, List.of());
    }

    private Diff diff(Value b, Value a, List<Object> path) {
        boolean replace = replacePaths.contains(path);
        if (b instanceof NullValue || b instanceof UnknownValue) b = null;
        if (a instanceof NullValue) a = null;
        if (a instanceof UnknownValue) {
            Diff prior = absent(b) ? null : diff(b, null, path);
            return new Diff.Unknown(prior, prior == null ? ChangeKind.CREATE : ChangeKind.UPDATE, replace);
        }
        if (b instanceof SensitiveValue || a instanceof SensitiveValue) {
            return new Diff.Sensitive(kindOf(b, a, b != null && b.equals(a)), replace);
        }
        if (absent(b) && absent(a)) return new Diff.Primitive(null, null, ChangeKind.NO_OP, replace);
        if (isMapOrAbsent(b) && isMapOrAbsent(a)) return object((MapValue) b, (MapValue) a, path, replace);
        if (isListOrAbsent(b) && isListOrAbsent(a)) return sequence((ListValue) b, (ListValue) a, path, replace);
        Optional<Value> jb = jsonOf(b);
        Optional<Value> ja = jsonOf(a);
        boolean bothSidesJson = (absent(b) || jb.isPresent()) && (absent(a) || ja.isPresent());
        if (bothSidesJson) {
            Diff inner = forJson().diff(jb.orElse(null), ja.orElse(null));
            boolean same = b != null && b.equals(a);
            boolean whitespaceOnly = !same && !absent(b) && !absent(a) && inner.kind() == ChangeKind.NO_OP;
            return new Diff.Json(inner, kindOf(b, a, same), replace, whitespaceOnly);
        }
        if (absent(b) || absent(a) || b.getClass() == a.getClass()) {
            return new Diff.Primitive(absent(b) ? null : b, absent(a) ? null : a,
                    kindOf(b, a, b != null && b.equals(a)), replace);
        }
        return new Diff.TypeChange(diff(b, null, path), diff(null, a, path), ChangeKind.UPDATE, replace);
    }

    private Diff.Obj object(MapValue b, MapValue a, List<Object> path, boolean replace) {
        Set<String> keys = new TreeSet<>();
        if (b != null) keys.addAll(b.entries().keySet());
        if (a != null) keys.addAll(a.entries().keySet());
        SortedMap<String, Diff> attrs = new TreeMap<>();
        for (String k : keys) {
            Value cb = b == null ? null : b.entries().get(k);
            Value ca = a == null ? null : a.entries().get(k);
            if (absent(cb) && absent(ca)) {
                // A JSON member written as null is content the reader may look for.
                if (json) attrs.put(k, new Diff.Primitive(NullValue.INSTANCE, NullValue.INSTANCE, ChangeKind.NO_OP, false));
                continue;
            }
            attrs.put(k, diff(cb, ca, append(path, k)));
        }
        ChangeKind kind = b == null ? ChangeKind.CREATE
                : a == null ? ChangeKind.DELETE : ChangeKind.ofChildren(attrs.values());
        return new Diff.Obj(attrs, kind, replace);
    }

    private Diff.Seq sequence(ListValue b, ListValue a, List<Object> path, boolean replace) {
        List<Value> before = b == null ? List.of() : b.items();
        List<Value> after = a == null ? List.of() : a.items();
        List<ListMatcher.Pair> pairs = new ArrayList<>();
        if (!json && b != null && a != null && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) pairs.add(new ListMatcher.Pair(i, i));
        } else {
            pairs = ListMatcher.align(before, after, v -> v instanceof MapValue);
        }
        List<Diff> elements = new ArrayList<>(pairs.size());
        for (ListMatcher.Pair p : pairs) {
            int index = p.after() >= 0 ? p.after() : p.before();
            Value eb = p.before() >= 0 ? before.get(p.before()) : null;
            Value ea = p.after() >= 0 ? after.get(p.after()) : null;
            elements.add(element(eb, ea, p, append(path, index)));
        }
        ChangeKind kind = b == null ? ChangeKind.CREATE
                : a == null ? ChangeKind.DELETE : ChangeKind.ofChildren(elements);
        return new Diff.Seq(elements, kind, replace);
    }

    /** A null element present on one side is still an element being added or removed. */
    private Diff element(Value eb, Value ea, ListMatcher.Pair p, List<Object> path) {
        if (p.before() >= 0 && p.after() < 0 && absent(eb)) {
            return new Diff.Primitive(NullValue.INSTANCE, null, ChangeKind.DELETE, replacePaths.contains(path));
        }
        if (p.after() >= 0 && p.before() < 0 && absent(ea)) {
            return new Diff.Primitive(null, NullValue.INSTANCE, ChangeKind.CREATE, replacePaths.contains(path));
        }
        return diff(eb, ea, path);
    }

    private ChangeKind kindOf(Value b, Value a, boolean same) {
        if (absent(b)) return ChangeKind.CREATE;
        if (absent(a)) return ChangeKind.DELETE;
        return same ? ChangeKind.NO_OP : ChangeKind.UPDATE;
    }

    /** A null value and a missing one read the same: there is nothing to show for that side. */
    private static boolean absent(Value v) {
        return v == null || v instanceof NullValue;
    }

    private static boolean isMapOrAbsent(Value v) {
        return v == null || v instanceof MapValue;
    }

    private static boolean isListOrAbsent(Value v) {
        return v == null || v instanceof ListValue;
    }

    private Optional<Value> jsonOf(Value v) {
        return v instanceof StringValue s ? JsonStrings.parse(s.value()) : Optional.empty();
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(step instanceof Number n ? (Object) n.longValue() : step);
        return List.copyOf(out);
    }

    private static List<Object> normalisePath(List<Object> p) {
        List<Object> out = new ArrayList<>(p.size());
        for (Object o : p) out.add(o instanceof Number n ? (Object) n.longValue() : String.valueOf(o));
        return List.copyOf(out);
    }
}
