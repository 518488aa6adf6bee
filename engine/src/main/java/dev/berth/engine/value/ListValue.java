package dev.berth.engine.value;

import java.util.ArrayList;
import java.util.List;

/** An ordered sequence: HCL lists, tuples and sets all use this representation. */
public record ListValue(List<Value> items) implements Value {
    public ListValue {
        items = List.copyOf(items);
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

    @Override
    public boolean isWhollyKnown() {
        for (Value v : items) if (!v.isWhollyKnown()) return false;
        return true;
    }

    @Override
    public boolean containsSensitive() {
        for (Value v : items) if (v.containsSensitive()) return true;
        return false;
    }

    @Override
    public Value unmarked() {
        if (!containsSensitive()) return this;
        List<Value> out = new ArrayList<>(items.size());
        for (Value v : items) out.add(v.unmarked());
        return new ListValue(out);
    }
}
