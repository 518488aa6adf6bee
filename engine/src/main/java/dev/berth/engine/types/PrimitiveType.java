package dev.berth.engine.types;

public enum PrimitiveType implements Type {
    STRING("string"), NUMBER("number"), BOOL("bool");

    private final String name;

    PrimitiveType(String name) {
        this.name = name;
    }

    @Override
    public String friendlyName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
