package dev.berth.engine.value;

import java.util.Objects;

public record StringValue(String value) implements Value {
    public StringValue {
        Objects.requireNonNull(value);
    }

    @Override
    public String typeName() {
        return "string";
    }
}
