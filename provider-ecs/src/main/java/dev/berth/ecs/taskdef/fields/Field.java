package dev.berth.ecs.taskdef.fields;

import dev.berth.engine.value.Value;

import java.util.List;
import java.util.Locale;

/**
 * One field of ECS's task definition shapes: its JSON (camelCase) name, its HCL (snake_case)
 * name, its kind, its children when it is an object, and whether berth honours it. {@code
 * hclFlat} marks an object written in HCL as its only child's attribute (terraform-provider-aws's
 * {@code host_path} for ECS's {@code host {sourcePath}}).
 */
public record Field(String json, String hcl, Kind kind, List<Field> children, Support support, boolean hclFlat,
                    Value hclDefault, String description, boolean mandatory) {

    public Field {
        children = List.copyOf(children);
    }

    static Field of(String json, Kind kind, Field... children) {
        return new Field(json, snake(json), kind, List.of(children), Support.SUPPORTED, false, null, null, false);
    }

    public static Field string(String json) {
        return of(json, Kind.STRING);
    }

    public static Field integer(String json) {
        return of(json, Kind.INTEGER);
    }

    public static Field bool(String json) {
        return of(json, Kind.BOOLEAN);
    }

    public static Field strings(String json) {
        return of(json, Kind.STRINGS);
    }

    public static Field integers(String json) {
        return of(json, Kind.INTEGERS);
    }

    public static Field stringMap(String json) {
        return of(json, Kind.STRING_MAP);
    }

    public static Field nameValues(String json) {
        return of(json, Kind.NAME_VALUES);
    }

    public static Field object(String json, Field... children) {
        return of(json, Kind.OBJECT, children);
    }

    public static Field objects(String json, Field... children) {
        return of(json, Kind.OBJECTS, children);
    }

    public Field hcl(String name) {
        return new Field(json, name, kind, children, support, hclFlat, hclDefault, description, mandatory);
    }

    public Field flatInHcl(String attribute) {
        return new Field(json, attribute, kind, children, support, true, hclDefault, description, mandatory);
    }

    /** Required in HCL blocks (the JSON form reports a missing one through validation). */
    public Field required() {
        return new Field(json, hcl, kind, children, support, hclFlat, hclDefault, description, true);
    }

    public Field pending() {
        return with(Support.PENDING);
    }

    public Field refused(String reason) {
        return with(Support.refused(reason));
    }

    public Field with(Support s) {
        return new Field(json, hcl, kind, children, s, hclFlat, hclDefault, description, mandatory);
    }

    public Field hclDefault(Value v) {
        return new Field(json, hcl, kind, children, support, hclFlat, v, description, mandatory);
    }

    public Field describe(String text) {
        return new Field(json, hcl, kind, children, support, hclFlat, hclDefault, text, mandatory);
    }

    /** The child named {@code json}, or null. */
    public Field child(String name) {
        return find(children, name);
    }

    public static Field find(List<Field> fields, String json) {
        for (Field f : fields) if (f.json.equals(json)) return f;
        return null;
    }

    static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
