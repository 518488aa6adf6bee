package dev.berth.engine.planfile;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading required fields of a plan file; a missing or mistyped one means the file is damaged. */
final class Fields {
    private Fields() {
    }

    static JsonNode object(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) throw missing(field, "an object");
        return v;
    }

    static JsonNode array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) throw missing(field, "an array");
        return v;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw missing(field, "a string");
        return v.textValue();
    }

    static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isInt()) throw missing(field, "an integer");
        return v.intValue();
    }

    static long longValue(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) throw missing(field, "an integer");
        return v.longValue();
    }

    static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) throw missing(field, "a boolean");
        return v.booleanValue();
    }

    static <E extends Enum<E>> E enumValue(JsonNode n, String field, Class<E> type) {
        String s = text(n, field);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new PlanFileException.Damaged("field \"" + field + "\" has the unknown value \"" + s + "\"");
        }
    }

    private static PlanFileException missing(String field, String what) {
        return new PlanFileException.Damaged("field \"" + field + "\" is missing or is not " + what);
    }
}
