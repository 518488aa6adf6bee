package dev.berth.engine.value;

public enum BoolValue implements Value {
    TRUE, FALSE;

    public boolean value() {
        return this == TRUE;
    }

    @Override
    public String typeName() {
        return "bool";
    }

    @Override
    public String toString() {
        return this == TRUE ? "true" : "false";
    }
}
