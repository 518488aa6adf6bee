package dev.berth.engine.config;

import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code provider "NAME" { ... }} block's settings that berth acts on (the ones it ignores are
 * warned about and not kept). They are constants, evaluated when the configuration loads, since
 * they choose what the provider talks to before anything else is evaluated.
 */
public record ProviderConfig(String name, Map<String, Value> arguments, Map<String, SourceRange> ranges,
                             SourceRange range) {
    public ProviderConfig {
        arguments = Map.copyOf(arguments);
        ranges = Map.copyOf(ranges);
    }

    /** The argument's whole-number value, if the block sets it. */
    public Optional<Integer> integer(String argument) {
        return Optional.ofNullable(arguments.get(argument)).map(Value::unmarked)
                .filter(v -> v instanceof NumberValue).map(v -> ((NumberValue) v).value().intValueExact());
    }

    /** The argument's string value, if the block sets it. */
    public Optional<String> string(String argument) {
        return Optional.ofNullable(arguments.get(argument)).map(Value::unmarked)
                .filter(v -> v instanceof StringValue).map(v -> ((StringValue) v).value());
    }
}
