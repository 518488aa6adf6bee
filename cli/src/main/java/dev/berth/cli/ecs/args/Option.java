package dev.berth.cli.ecs.args;

/**
 * One option of a command, as argparse holds it: its flag, how many values it takes, where its
 * value goes ({@code dest}: an input member's name, or a CLI setting such as "output"), and
 * whether it must be given. {@code bool} is the value a flag without values stores.
 */
public record Option(String flag, Arity arity, String dest, boolean required, Boolean bool, boolean apiParam) {
    public enum Arity {
        /** exactly one value */
        ONE,
        /** any number of values (list parameters) */
        MANY,
        /** no value (booleans, --no-paginate) */
        NONE,
        /** zero or one value (--generate-cli-skeleton [input|output|yaml-input]) */
        OPTIONAL
    }

    static Option param(String flag, Arity arity, String member, boolean required) {
        return new Option(flag, arity, member, required, null, true);
    }

    static Option flag(String flag, String dest, boolean value, boolean apiParam) {
        return new Option(flag, Arity.NONE, dest, false, value, apiParam);
    }

    static Option setting(String flag, Arity arity, String dest) {
        return new Option(flag, arity, dest, false, null, false);
    }
}
