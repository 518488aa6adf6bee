package dev.berth.engine.types;

import dev.berth.engine.value.Value;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An object type; attributes named in {@code optional} may be absent or null and then take
 * their default from {@code defaults} (converted to the attribute's type), or null without one,
 * as Terraform's {@code optional(T, default)} does.
 */
public record ObjectType(Map<String, Type> attributes, Set<String> optional, Map<String, Value> defaults) implements Type {
    public ObjectType(Map<String, Type> attributes, Set<String> optional) {
        this(attributes, optional, Map.of());
    }

    public ObjectType {
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        optional = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(optional));
        defaults = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(defaults));
        for (String name : defaults.keySet()) {
            if (!optional.contains(name)) {
                throw new IllegalArgumentException("attribute \"" + name + "\" has a default but is not optional");
            }
        }
        for (String name : optional) {
            if (!attributes.containsKey(name)) {
                throw new IllegalArgumentException("optional attribute \"" + name + "\" is not declared");
            }
        }
    }

    public boolean isOptional(String name) {
        return optional.contains(name);
    }

    @Override
    public String friendlyName() {
        if (attributes.isEmpty()) return "object({})";
        StringJoiner j = new StringJoiner(", ", "object({ ", " })");
        attributes.forEach((name, type) -> j.add(name + " = "
                + (isOptional(name) ? "optional(" + type.friendlyName() + ")" : type.friendlyName())));
        return j.toString();
    }

    @Override
    public String toString() {
        return friendlyName();
    }
}
