package dev.berth.engine.types;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/** An object type; attributes named in {@code optional} may be absent and then become null. */
public record ObjectType(Map<String, Type> attributes, Set<String> optional) implements Type {
    public ObjectType {
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        optional = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(optional));
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
