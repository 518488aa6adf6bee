package dev.berth.engine.functions;

import dev.berth.engine.value.Value;

import java.util.List;

/**
 * A built-in function callable from configuration. Implementations see plain values: the
 * {@link FunctionRegistry} answers unknown arguments with an unknown result and re-marks the
 * result sensitive when any argument was, so a function body never has to think about either.
 */
public interface Function {
    String name();

    /** A short signature for diagnostics, e.g. {@code "lookup(map, key, default)"}. */
    String signature();

    /** Computes the result; throws {@link FunctionException} for bad arguments. */
    Value call(List<Value> args);

    /**
     * Whether the function wants unknown arguments passed through rather than short-circuited
     * to an unknown result (e.g. {@code length} of a list whose elements are unknown).
     */
    default boolean acceptsUnknown() {
        return false;
    }

    /**
     * Whether the function receives its arguments with their sensitive markings and decides the
     * result's markings itself. Only functions about sensitivity do; every other function gets
     * plain arguments and a result marked by the registry.
     */
    default boolean seesMarks() {
        return false;
    }

    /**
     * Whether the answer depends on the arguments alone, so that equal arguments give an equal
     * answer: not for functions that read files, the clock or a random source. A background
     * berth takes a resource found unchanged by the last plan as unchanged again when its
     * expressions call only such functions and see the same values ({@code ResourcePlanner}).
     * False unless a function says so.
     */
    default boolean answersFromArguments() {
        return false;
    }

    /** Whether the result is unknown at plan time whatever the arguments (uuid, timestamp). */
    default boolean unknownAtPlan() {
        return false;
    }
}
