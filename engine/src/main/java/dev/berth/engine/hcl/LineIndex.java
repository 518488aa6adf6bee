package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.Arrays;

/** Maps character offsets to 1-based line and column, by binary search over line starts. */
final class LineIndex {
    private final String path;
    private final int[] lineStarts;
    private final int lineCount;
    private int hint;

    LineIndex(String path, char[] src, int length) {
        this.path = path;
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < length; i++) {
            if (src[i] == '\n') {
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

    /**
     * The parser asks for offsets in nearly ascending order, so the previous answer or the line
     * after it is almost always right; binary search is the fallback.
     */
    int line(int offset) {
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
        int l1 = line(start);
        int l2 = end == start ? l1 : line(end);
        return new SourceRange(path, l1, start - lineStarts[l1 - 1] + 1, l2,
                end - lineStarts[l2 - 1] + 1, start, end);
    }
}
