package dev.berth.ecs.cost;

/**
 * A price list that cannot be read: the file, the line and column at fault (0 when the file
 * itself is the problem), the text of that line, and what is wrong in one sentence.
 */
public final class PriceListException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String sourceLine;
    private final String problem;

    public PriceListException(String file, int line, int column, String sourceLine, String problem) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    /** The summary a user reads: "Invalid price list prices.txt:3:12: ...". */
    public String summary() {
        return "Invalid price list " + getMessage();
    }

    /**
     * The offending line with a caret under the column, after a line naming the file, so a
     * renderer that wraps paragraphs keeps the indented quote as it is.
     */
    public String detail() {
        if (line <= 0 || sourceLine == null) return "";
        String number = "  " + line + ": ";
        return file + ", line " + line + ":\n" + number + sourceLine + "\n"
                + " ".repeat(number.length() + Math.max(0, column - 1)) + "^";
    }
}
