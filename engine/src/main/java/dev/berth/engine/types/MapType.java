package dev.berth.engine.types;

import java.util.Objects;

public record MapType(Type element) implements Type {
    public MapType {
        Objects.requireNonNull(element);
    }

    @Override
    public String friendlyName() {
        return "map(" + element.friendlyName() + ")";
    }

    @Override
    public String toString() {
        return friendlyName();
    }
}
