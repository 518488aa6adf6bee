package dev.berth.engine.value;

import java.util.Objects;

/** A value that is never printed. Its toString is deliberately opaque. */
public record SensitiveValue(Value inner) implements Value {
    public SensitiveValue {
        Objects.requireNonNull(inner);
        if (inner instanceof SensitiveValue s) inner = s.inner;
    }

    @Override
    public String typeName() {
        return inner.typeName();
    }

    @Override
    public boolean isWhollyKnown() {
        return inner.isWhollyKnown();
    }

    @Override
    public boolean containsSensitive() {
        return true;
    }

    @Override
    public Value unmarked() {
        return inner.unmarked();
    }

    @Override
    public String toString() {
        return "(sensitive value)";
    }
}
