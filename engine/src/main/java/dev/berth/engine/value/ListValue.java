package dev.berth.engine.value;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered sequence: HCL lists, tuples and sets all use this representation. A set (made by
 * toset or a set type) says so, because Terraform treats it differently in two places: a for
 * expression binds each element as its key, and a set never equals a list in {@code ==}. Java
 * equality ignores the flag, so a set read back from state (where it is a JSON array) still
 * equals the set the configuration makes and plans show no change.
 */
public record ListValue(List<Value> items, boolean set) implements Value {
    public ListValue {
        items = List.copyOf(items);
    }

    public ListValue(List<Value> items) {
        this(items, false);
    }

    /** A set of these (already distinct and ordered) elements. */
    public static ListValue setOf(List<Value> items) {
        return new ListValue(items, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListValue other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    public int size() {
        return items.size();
    }

    public Value get(int i) {
        return items.get(i);
    }

    @Override
    public String typeName() {
        return "list";
    }

    // By index: these run over every value of every plan, and the client compiler bin/berth uses
    // allocates each iterator (tens of megabytes a plan of 10,000 objects).
    @Override
    public boolean isWhollyKnown() {
        for (int i = 0; i < items.size(); i++) if (!items.get(i).isWhollyKnown()) return false;
        return true;
    }

    @Override
    public boolean containsSensitive() {
        for (int i = 0; i < items.size(); i++) if (items.get(i).containsSensitive()) return true;
        return false;
    }

    @Override
    public Value unmarked() {
        if (!containsSensitive()) return this;
        List<Value> out = new ArrayList<>(items.size());
        for (Value v : items) out.add(v.unmarked());
        return new ListValue(out, set);
    }
}
