package dev.berth.engine.types;

import java.util.List;
import java.util.StringJoiner;

public record TupleType(List<Type> elements) implements Type {
    public TupleType {
        elements = List.copyOf(elements);
    }

    @Override
    public String friendlyName() {
        StringJoiner j = new StringJoiner(", ", "tuple([", "])");
        for (Type t : elements) j.add(t.friendlyName());
        return j.toString();
    }

    @Override
    public String toString() {
        return friendlyName();
    }
}
