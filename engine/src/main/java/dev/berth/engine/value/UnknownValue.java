package dev.berth.engine.value;

/** A value that will only be known after apply. */
public enum UnknownValue implements Value {
    INSTANCE;

    @Override
    public String typeName() {
        return "unknown";
    }

    @Override
    public boolean isWhollyKnown() {
        return false;
    }

    @Override
    public String toString() {
        return "(known after apply)";
    }
}
