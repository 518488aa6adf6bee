package dev.berth.ecs.scheduler.query;

/**
 * A malformed cluster query. The column is 1-based inside the expression, so a caller holding the
 * expression at source column C points at {@code C + column - 1}.
 */
public final class QueryException extends IllegalArgumentException {
    private final int column;
    private final String expected;
    private final String found;

    public QueryException(int column, String expected, String found) {
        super("column " + column + ": expected " + expected + " but found " + found);
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
