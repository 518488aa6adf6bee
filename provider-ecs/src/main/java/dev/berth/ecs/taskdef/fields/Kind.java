package dev.berth.ecs.taskdef.fields;

/**
 * The shapes ECS's task definition fields take in JSON, and how each is written in HCL:
 * scalars as attributes, {@code NAME_VALUES} ([{name, value}]) and {@code STRING_MAP} as map
 * attributes, {@code OBJECT} as one nested block and {@code OBJECTS} as repeated nested blocks.
 */
public enum Kind {
    STRING, INTEGER, BOOLEAN, STRINGS, INTEGERS, STRING_MAP, NAME_VALUES, OBJECT, OBJECTS;

    public boolean nested() {
        return this == OBJECT || this == OBJECTS;
    }
}
