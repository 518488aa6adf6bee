package dev.berth.ecs.scheduler;

import java.util.List;

/**
 * A best-effort placement strategy. Each orders instances by a key, lowest first; a list of
 * strategies is applied lexicographically, so a later one only breaks the ties of earlier ones.
 */
public sealed interface Strategy {
    /** ECS's service default when no strategy is given: fewest tasks of the group per zone, then per instance. */
    List<Strategy> SERVICE_DEFAULT = List.of(new Spread("attribute:ecs.availability-zone"), new Spread("instanceId"));

    /** Least remaining cpu or memory first, so instances fill up before others are used. */
    record Binpack(Resource resource) implements Strategy {
        @Override
        public String toString() {
            return "binpack(" + resource.name().toLowerCase() + ")";
        }
    }

    /** The value of the field with the fewest tasks of the group first. */
    record Spread(String field) implements Strategy {
        public boolean byInstance() {
            return field.equals("instanceId") || field.equals("host");
        }

        /** The attribute name for spread on "attribute:NAME". */
        public String attribute() {
            return field.substring("attribute:".length());
        }

        @Override
        public String toString() {
            return "spread(" + field + ")";
        }
    }

    /** A seeded random order: reproducible for the same seed and cluster. */
    record Random() implements Strategy {
        @Override
        public String toString() {
            return "random";
        }
    }

    enum Resource { CPU, MEMORY }

    /**
     * Builds a strategy from its ECS spelling (type "binpack"/"spread"/"random" and field), or
     * throws IllegalArgumentException naming what is accepted.
     */
    static Strategy of(String type, String field) {
        switch (type) {
            case "binpack":
                if ("cpu".equals(field)) return new Binpack(Resource.CPU);
                if ("memory".equals(field)) return new Binpack(Resource.MEMORY);
                throw new IllegalArgumentException("binpack field must be cpu or memory, not " + field);
            case "spread":
                if (field != null && (field.equals("instanceId") || field.equals("host")
                        || (field.startsWith("attribute:") && field.length() > "attribute:".length()))) {
                    return new Spread(field);
                }
                throw new IllegalArgumentException("spread field must be instanceId, host or attribute:NAME, not " + field);
            case "random":
                if (field != null && !field.isEmpty()) throw new IllegalArgumentException("random takes no field");
                return new Random();
            default:
                throw new IllegalArgumentException("placement strategy type must be binpack, spread or random, not " + type);
        }
    }
}
