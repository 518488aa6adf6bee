package dev.berth.engine.config;

import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code terraform { backend "TYPE" { ... } }} block berth acts on (today only {@code "pg"}):
 * where the configuration's state lives. Its settings are constants, as in Terraform, since they
 * are needed before anything else is evaluated; what the block leaves out may come from the
 * environment, which the caller reads.
 */
public record BackendConfig(String type, Map<String, Value> arguments, Map<String, SourceRange> ranges,
                            SourceRange range) {
    public BackendConfig {
        arguments = Map.copyOf(arguments);
        ranges = Map.copyOf(ranges);
    }

    /** The argument's string value, if the block sets it. */
    public Optional<String> string(String argument) {
        return Optional.ofNullable(arguments.get(argument)).map(Value::unmarked)
                .filter(v -> v instanceof StringValue).map(v -> ((StringValue) v).value());
    }

    /** The argument's bool value, if the block sets it. */
    public Optional<Boolean> bool(String argument) {
        return Optional.ofNullable(arguments.get(argument)).map(Value::unmarked)
                .filter(v -> v instanceof BoolValue).map(v -> ((BoolValue) v).value());
    }
}
