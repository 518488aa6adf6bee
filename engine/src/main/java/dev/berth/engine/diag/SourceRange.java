package dev.berth.engine.diag;

/**
 * Where a piece of configuration came from. Lines and columns are 1-based; offsets are 0-based
 * character offsets into the file, end exclusive.
 */
public record SourceRange(String file, int line, int column, int endLine, int endColumn,
                          int startOffset, int endOffset) {

    public static final SourceRange NONE = new SourceRange("", 0, 0, 0, 0, 0, 0);

    public static SourceRange between(SourceRange from, SourceRange to) {
        return new SourceRange(from.file, from.line, from.column, to.endLine, to.endColumn,
                from.startOffset, to.endOffset);
    }

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return file + ":" + line + "," + column;
    }
}
