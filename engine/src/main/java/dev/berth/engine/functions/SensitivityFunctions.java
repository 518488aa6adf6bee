package dev.berth.engine.functions;

import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;

import java.util.List;

/**
 * {@code sensitive}, {@code nonsensitive} and {@code issensitive}: the only functions that see
 * markings ({@link Function#seesMarks()}), answering as Terraform 1.11 does (oracle answers in
 * {@code src/test/resources/oracle/sensitivity-functions.txt}). Each looks at the marking of its
 * argument as a whole, never inside it: {@code issensitive({a = var.secret})} is false and
 * {@code nonsensitive({a = var.secret}).a} is still sensitive.
 */
final class SensitivityFunctions {
    private SensitivityFunctions() {
    }

    static List<Function> all() {
        return List.of(
                new OneArgument("sensitive", "sensitive(value)", SensitivityFunctions::sensitive),
                new OneArgument("nonsensitive", "nonsensitive(value)", SensitivityFunctions::nonsensitive),
                new OneArgument("issensitive", "issensitive(value)", SensitivityFunctions::issensitive));
    }

    private static Value sensitive(Value v) {
        return Value.sensitive(v);
    }

    /** Terraform 1.11 returns a value that was not sensitive unchanged rather than failing. */
    private static Value nonsensitive(Value v) {
        return v instanceof SensitiveValue s ? s.inner() : v;
    }

    /** Unknown when the value is unknown and not marked: it may yet turn out either way. */
    private static Value issensitive(Value v) {
        if (v instanceof SensitiveValue) return Value.of(true);
        if (v instanceof UnknownValue) return Value.unknown();
        return Value.of(false);
    }

    private record OneArgument(String name, String signature, java.util.function.UnaryOperator<Value> body)
            implements Function {
        @Override
        public Value call(List<Value> args) {
            if (args.isEmpty()) {
                throw new FunctionException("Function \"" + name + "\" expects 1 argument(s). Missing value for \"value\".");
            }
            if (args.size() > 1) throw new FunctionException(1, "Function \"" + name + "\" expects only 1 argument(s).");
            return body.apply(args.get(0));
        }

        @Override
        public boolean acceptsUnknown() {
            return true;
        }

        @Override
        public boolean seesMarks() {
            return true;
        }

        @Override
        public boolean answersFromArguments() {
            return true;
        }
    }
}
