package dev.berth.engine.provider;

import dev.berth.engine.value.Value;

/**
 * One attribute of a resource type. Exactly one of required, optional (with or without a
 * default) or computed-only describes how configuration may set it; optional+computed means the
 * provider fills it in when configuration leaves it out. An observed attribute is computed and
 * follows what other resources do to the object (an instance's free capacity as services place
 * tasks on it): the engine reads it again after every apply, so the state holds what a refresh
 * would read.
 */
public record AttributeSchema(String name, AttributeType type, boolean required, boolean optional,
                              boolean computed, boolean forceNew, boolean sensitive,
                              Value defaultValue, String description, boolean observed) {

    public static Builder named(String name, AttributeType type) {
        return new Builder(name, type);
    }

    public boolean settable() {
        return required || optional;
    }

    /** Fluent construction keeps resource schemas readable as tables. */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean required, optional, computed, forceNew, sensitive, observed;
        private Value defaultValue = Value.nil();
        private String description = "";

        private Builder(String name, AttributeType type) {
            this.name = name;
            this.type = type;
        }

        public Builder required() { required = true; return this; }
        public Builder optional() { optional = true; return this; }
        public Builder computed() { computed = true; return this; }
        public Builder observed() { computed = true; observed = true; return this; }
        public Builder forceNew() { forceNew = true; return this; }
        public Builder sensitive() { sensitive = true; return this; }
        public Builder defaultValue(Value v) { optional = true; defaultValue = v; return this; }
        public Builder description(String d) { description = d; return this; }

        public AttributeSchema build() {
            return new AttributeSchema(name, type, required, optional, computed, forceNew, sensitive,
                    defaultValue, description, observed);
        }
    }
}
