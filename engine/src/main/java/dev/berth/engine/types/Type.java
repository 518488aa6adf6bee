package dev.berth.engine.types;

import dev.berth.engine.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A type constraint as written in configuration ({@code list(string)}, {@code object({...})}).
 * Values carry no static type of their own, so a type is mostly a recipe for converting a value
 * into the shape the constraint promises, the way Terraform converts variable values.
 */
public sealed interface Type permits PrimitiveType, AnyType, ListType, SetType, MapType, ObjectType, TupleType {
    Type STRING = PrimitiveType.STRING;
    Type NUMBER = PrimitiveType.NUMBER;
    Type BOOL = PrimitiveType.BOOL;
    Type ANY = AnyType.INSTANCE;

    /** The type as Terraform writes it, e.g. {@code list(string)} or {@code object({ a = string })}. */
    String friendlyName();

    /**
     * Converts a value to this type. Null and unknown pass through unchanged, sensitive values
     * are converted inside and re-wrapped.
     *
     * @throws TypeConversionException naming the path of the offending element
     */
    default Value convert(Value v) {
        return Converter.convert(this, v, "");
    }

    static Type list(Type element) {
        return new ListType(element);
    }

    static Type set(Type element) {
        return new SetType(element);
    }

    static Type map(Type element) {
        return new MapType(element);
    }

    static Type object(Map<String, Type> attributes) {
        return new ObjectType(attributes, Set.of());
    }

    static Type object(Map<String, Type> attributes, Set<String> optional) {
        return new ObjectType(attributes, optional);
    }

    /** An object type whose optional attributes named in {@code defaults} take those values when absent or null. */
    static Type object(Map<String, Type> attributes, Set<String> optional, Map<String, Value> defaults) {
        return new ObjectType(attributes, optional, defaults);
    }

    static Type tuple(List<Type> elements) {
        return new TupleType(elements);
    }
}
