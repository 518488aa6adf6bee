package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.Arrays;

/** Maps character offsets to 1-based line and column, by binary search over line starts. */
final class LineIndex implements SourceRange.Lines {
    private final String path;
    private final int[] lineStarts;
    private final int lineCount;
    private int hint;

    LineIndex(String path, String src) {
        int length = src.length();
        this.path = path;
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < length; i++) {
            if (src.charAt(i) == '\n') {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = starts;
        this.lineCount = count;
    }

    String path() {
        return path;
    }

    @Override
    public String file() {
        return path;
    }

    @Override
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /**
     * The parser asks for offsets in nearly ascending order, so the previous answer or the line
     * after it is almost always right; binary search is the fallback. Ranges ask later too, from
     * any thread: the hint is only ever a valid line index and is checked before it is trusted,
     * so a racy read of it costs a search, never a wrong answer.
     */
    @Override
    public int line(int offset) {
        int h = hint;
        if (offset >= lineStarts[h]) {
            if (h + 1 >= lineCount || offset < lineStarts[h + 1]) return h + 1;
            if (h + 2 >= lineCount || offset < lineStarts[h + 2]) {
                hint = h + 1;
                return h + 2;
            }
        }
        int lo = 0;
        int hi = lineCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        hint = lo;
        return lo + 1;
    }

    SourceRange range(int start, int end) {
        return SourceRange.of(this, start, end);
    }
}
