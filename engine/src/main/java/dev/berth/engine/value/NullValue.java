package dev.berth.engine.value;

public enum NullValue implements Value {
    INSTANCE;

    @Override
    public String typeName() {
        return "null";
    }

    @Override
    public String toString() {
        return "null";
    }
}
