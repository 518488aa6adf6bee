package dev.berth.engine.types;

/**
 * A value that does not fit a type. The message leads with the path to the offending part,
 * Terraform style: {@code element 2: a number is required}.
 */
public final class TypeConversionException extends RuntimeException {
    private final String path;
    private final String problem;

    public TypeConversionException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem, null, false, false);
        this.path = path;
        this.problem = problem;
    }

    /** Where the problem is, e.g. {@code attribute "ports": element 0}; empty for the top level. */
    public String path() {
        return path;
    }

    /** What is wrong there, without the path. */
    public String problem() {
        return problem;
    }
}
