package dev.berth.engine.types;

/** The dynamic type: any value is accepted as it is. */
public enum AnyType implements Type {
    INSTANCE;

    @Override
    public String friendlyName() {
        return "any";
    }

    @Override
    public String toString() {
        return "any";
    }
}
