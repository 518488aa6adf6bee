package dev.berth.engine.types;

import java.util.Objects;

public record SetType(Type element) implements Type {
    public SetType {
        Objects.requireNonNull(element);
    }

    @Override
    public String friendlyName() {
        return "set(" + element.friendlyName() + ")";
    }

    @Override
    public String toString() {
        return friendlyName();
    }
}
