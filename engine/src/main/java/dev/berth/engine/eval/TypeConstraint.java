package dev.berth.engine.eval;

import dev.berth.engine.hcl.Expr;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A type constraint as written in a variable's type argument. Kept small on purpose until the
 * shared type model in dev.berth.engine.types exists; toString renders the HCL spelling.
 */
public sealed interface TypeConstraint {

    /** string, number or bool. */
    record Primitive(String name) implements TypeConstraint {
        @Override
        public String toString() {
            return name;
        }
    }

    record Any() implements TypeConstraint {
        @Override
        public String toString() {
            return "any";
        }
    }

    /** list(T), set(T) or map(T). */
    record Collection(String kind, TypeConstraint element) implements TypeConstraint {
        @Override
        public String toString() {
            return kind + "(" + element + ")";
        }
    }

    /** object({...}); attribute order is source order. */
    record ObjectType(Map<String, TypeConstraint> attributes) implements TypeConstraint {
        public ObjectType {
            attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        }

        @Override
        public String toString() {
            return attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", "object({", "})"));
        }
    }

    record TupleType(List<TypeConstraint> elements) implements TypeConstraint {
        public TupleType {
            elements = List.copyOf(elements);
        }

        @Override
        public String toString() {
            return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "tuple([", "])"));
        }
    }

    /** optional(T) or optional(T, default), only valid as an object attribute's type. */
    record Optional(TypeConstraint type, Expr defaultValue) implements TypeConstraint {
        @Override
        public String toString() {
            return "optional(" + type + (defaultValue == null ? "" : ", ...") + ")";
        }
    }
}
