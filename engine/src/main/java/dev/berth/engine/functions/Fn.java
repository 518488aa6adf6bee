package dev.berth.engine.functions;

import dev.berth.engine.value.Value;

import java.util.List;
import java.util.StringJoiner;

/**
 * A built-in function described by its parameter names and a body. The names do double duty:
 * they make the signature and they let argument errors say which parameter was wrong, the way
 * Terraform's messages do.
 */
final class Fn implements Function {
    /** The computation; receives arguments already checked for count. */
    @FunctionalInterface
    interface Body {
        Value apply(Args args);
    }

    private final String name;
    private final List<String> params;
    private final String varParam;
    private final Body body;
    private final boolean acceptsUnknown;
    private final boolean unknownAtPlan;
    private final boolean varying;

    private Fn(String name, List<String> params, String varParam, Body body,
               boolean acceptsUnknown, boolean unknownAtPlan, boolean varying) {
        this.name = name;
        this.params = List.copyOf(params);
        this.varParam = varParam;
        this.body = body;
        this.acceptsUnknown = acceptsUnknown;
        this.unknownAtPlan = unknownAtPlan;
        this.varying = varying;
    }

    static Fn of(String name, List<String> params, Body body) {
        return new Fn(name, params, null, body, false, false, false);
    }

    /** A function taking {@code params} and then any number of {@code varParam} arguments. */
    static Fn variadic(String name, List<String> params, String varParam, Body body) {
        return new Fn(name, params, varParam, body, false, false, false);
    }

    Fn acceptingUnknown() {
        return new Fn(name, params, varParam, body, true, unknownAtPlan, varying);
    }

    Fn unknownUntilApply() {
        return new Fn(name, params, varParam, body, acceptsUnknown, true, varying);
    }

    /** A function whose answer may change while its arguments stay the same (files, the clock, randomness). */
    Fn varying() {
        return new Fn(name, params, varParam, body, acceptsUnknown, unknownAtPlan, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String signature() {
        StringJoiner j = new StringJoiner(", ", name + "(", ")");
        params.forEach(j::add);
        if (varParam != null) j.add(varParam + "...");
        return j.toString();
    }

    @Override
    public Value call(List<Value> args) {
        if (args.size() < params.size()) {
            throw new FunctionException("Function \"" + name + "\" expects "
                    + (varParam == null ? "" : "at least ") + params.size()
                    + " argument(s). Missing value for \"" + params.get(args.size()) + "\".");
        }
        if (varParam == null && args.size() > params.size()) {
            throw new FunctionException(params.size(), "Function \"" + name + "\" expects only "
                    + params.size() + " argument(s).");
        }
        return body.apply(new Args(args, params, varParam));
    }

    @Override
    public boolean acceptsUnknown() {
        return acceptsUnknown;
    }

    @Override
    public boolean unknownAtPlan() {
        return unknownAtPlan;
    }

    @Override
    public boolean answersFromArguments() {
        return !varying;
    }

    @Override
    public String toString() {
        return signature();
    }
}
