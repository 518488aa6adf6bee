package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.functions.Function;
import dev.berth.engine.functions.FunctionException;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A small world to evaluate expressions in: variables, locals, resources and two functions. */
class EvalFixture {
    final Map<String, Value> vars = new HashMap<>();
    final Map<String, Value> locals = new HashMap<>();
    final Map<String, Value> resources = new HashMap<>();
    Diagnostics diags = new Diagnostics();
    Path baseDir = Path.of(".");

    static final Function UPPER = new Function() {
        public String name() {
            return "upper";
        }

        public String signature() {
            return "upper(str)";
        }

        public Value call(List<Value> args) {
            if (args.size() != 1) throw new FunctionException("upper() takes exactly one argument");
            if (!(args.get(0) instanceof StringValue s)) throw new FunctionException(0, "a string is required");
            return Value.of(s.value().toUpperCase());
        }
    };

    static final Function SUM = new Function() {
        public String name() {
            return "sum";
        }

        public String signature() {
            return "sum(numbers...)";
        }

        public Value call(List<Value> args) {
            java.math.BigDecimal total = java.math.BigDecimal.ZERO;
            for (int i = 0; i < args.size(); i++) {
                if (!(args.get(i) instanceof dev.berth.engine.value.NumberValue n)) {
                    throw new FunctionException(i, "a number is required");
                }
                total = total.add(n.value());
            }
            return Value.of(total);
        }
    };

    final Scope scope = (ref, d) -> {
        Map<String, Value> table = switch (ref.kind()) {
            case "var" -> vars;
            case "local" -> locals;
            case "resource" -> resources;
            default -> Map.of();
        };
        Value v = table.get(ref.name());
        if (v == null) {
            d.error("Reference to undeclared " + ref.kind() + " \"" + ref.name() + "\"", "", ref.range());
            return Value.unknown();
        }
        return v;
    };

    Value eval(String src) {
        ParseResult r = HclParser.parseExpression("test.tf", src);
        assertEquals(List.of(), r.diagnostics(), "parse errors in " + src);
        Evaluator ev = new Evaluator(new FunctionRegistry(List.of(UPPER, SUM)), baseDir);
        return ev.evaluate(r.expression(), scope, diags);
    }

    /** Evaluates and requires no diagnostics. */
    Value ok(String src) {
        Value v = eval(src);
        assertEquals(List.of(), diags.list(), "diagnostics for " + src);
        return v;
    }

    static Value list(Value... items) {
        return new ListValue(List.of(items));
    }

    static Value num(String n) {
        return Value.of(new java.math.BigDecimal(n));
    }
}
