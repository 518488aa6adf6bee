package dev.berth.engine.eval;

/**
 * The one wording of "an attribute read from a value that has none" (a string, number, bool or
 * list), shared by the evaluator (known values) and the validate-time check of declared types
 * (unknown values), so that when both see the same mistake the run reports a single diagnostic.
 */
public final class PrimitiveAttributes {
    private PrimitiveAttributes() {
    }

    public static String summary(String type) {
        return "Unsupported attribute: can't access attributes on a primitive-typed value (" + type + ")";
    }

    public static String detail(String type, String attribute) {
        return "This value is a " + type + ", so it has no attribute \"" + attribute + "\".";
    }

    public static String listSummary(String attribute) {
        return "Unsupported attribute: cannot read attribute \"" + attribute + "\" from a list";
    }

    public static String listDetail(String attribute) {
        return "A list has no attributes; use an index such as [0], or a splat such as [*]." + attribute
                + " to read it from every element.";
    }
}
