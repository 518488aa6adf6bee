package dev.berth.engine.types;

import java.util.Objects;

public record ListType(Type element) implements Type {
    public ListType {
        Objects.requireNonNull(element);
    }

    @Override
    public String friendlyName() {
        return "list(" + element.friendlyName() + ")";
    }

    @Override
    public String toString() {
        return friendlyName();
    }
}
