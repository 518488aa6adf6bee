package dev.berth.engine.provider;

import dev.berth.engine.value.Value;

import java.util.List;

/**
 * One attribute of a resource type. Exactly one of required, optional (with or without a
 * default) or computed-only describes how configuration may set it; optional+computed means the
 * provider fills it in when configuration leaves it out. {@code derivedFrom} names the attributes
 * or nested blocks the provider computes this one from, so the engine can carry their sensitive
 * markings onto it (a secret in a container block stays secret in the JSON made from it).
 * {@code sensitiveWithin} marks parts of a structured value ({@code ["*", "environment", "*"]}:
 * every value of every element's environment), where {@code sensitive} would hide it whole.
 * An observed attribute is computed and follows what other resources do to the object (an
 * instance's free capacity as services place tasks on it): the engine reads it again after every
 * apply, so the state holds what a refresh would read.
 * A runtime attribute is what the provider observes while the object runs (a service's tasks,
 * events, endpoints and counts) rather than what configuration sets: a plan folds it into one
 * line per resource instead of diffing it, since it is not what a reviewer changed. Every
 * observed attribute is a runtime one.
 * {@code keepsOnUpdate} is Terraform's UseStateForUnknown: a computed attribute that an in-place
 * update never changes (an ARN), so the engine plans its prior value where the provider left it
 * unknown, and what refers to it stays known.
 */
public record AttributeSchema(String name, AttributeType type, boolean required, boolean optional,
                              boolean computed, boolean forceNew, boolean sensitive,
                              Value defaultValue, String description, List<String> derivedFrom,
                              List<List<String>> sensitiveWithin, boolean observed, boolean runtime,
                              boolean keepsOnUpdate) {
    /** In a {@link #sensitiveWithin} pattern: any key of a map or index of a list. */
    public static final String ANY_STEP = "*";

    public AttributeSchema {
        derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
        sensitiveWithin = sensitiveWithin == null ? List.of() : sensitiveWithin.stream().map(List::copyOf).toList();
    }

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
        private boolean required, optional, computed, forceNew, sensitive, observed, runtime, keepsOnUpdate;
        private Value defaultValue = Value.nil();
        private String description = "";
        private List<String> derivedFrom = List.of();
        private final List<List<String>> sensitiveWithin = new java.util.ArrayList<>();

        private Builder(String name, AttributeType type) {
            this.name = name;
            this.type = type;
        }

        public Builder required() { required = true; return this; }
        public Builder optional() { optional = true; return this; }
        public Builder computed() { computed = true; return this; }
        public Builder observed() { computed = true; observed = true; runtime = true; return this; }
        public Builder runtime() { computed = true; runtime = true; return this; }
        public Builder keepsOnUpdate() { computed = true; keepsOnUpdate = true; return this; }
        public Builder forceNew() { forceNew = true; return this; }
        public Builder sensitive() { sensitive = true; return this; }
        public Builder defaultValue(Value v) { optional = true; defaultValue = v; return this; }
        public Builder description(String d) { description = d; return this; }
        public Builder derivedFrom(String... sources) { derivedFrom = List.of(sources); return this; }
        public Builder sensitiveWithin(String... pattern) { sensitiveWithin.add(List.of(pattern)); return this; }

        public AttributeSchema build() {
            return new AttributeSchema(name, type, required, optional, computed, forceNew, sensitive,
                    defaultValue, description, derivedFrom, sensitiveWithin, observed, runtime, keepsOnUpdate);
        }
    }
}
