package dev.berth.engine.fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (as {@code diff -u} prints it, three lines of context) between a file and its
 * formatted text. Formatting changes few lines, so the common prefix and suffix are trimmed
 * before the quadratic LCS table is built over what remains.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private record Op(char kind, String line, int oldNo, int newNo) {
    }

    private UnifiedDiff() {
    }

    public static String diff(String oldName, String newName, String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<Op> ops = ops(a, b);
        if (ops.stream().allMatch(o -> o.kind == ' ')) return "";
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
                if (ops.get(end).kind != ' ') lastChange = end;
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            hunk(sb, ops.subList(start, end));
            i = end;
        }
        return sb.toString();
    }

    private static void hunk(StringBuilder sb, List<Op> h) {
        int oldStart = 0;
        int newStart = 0;
        int oldLen = 0;
        int newLen = 0;
        for (Op o : h) {
            if (o.kind != '+') {
                if (oldLen++ == 0) oldStart = o.oldNo;
            }
            if (o.kind != '-') {
                if (newLen++ == 0) newStart = o.newNo;
            }
        }
        if (oldLen == 0) oldStart = h.get(0).oldNo - 1;
        if (newLen == 0) newStart = h.get(0).newNo - 1;
        sb.append("@@ -").append(oldStart).append(',').append(oldLen)
                .append(" +").append(newStart).append(',').append(newLen).append(" @@\n");
        for (Op o : h) sb.append(o.kind).append(o.line).append('\n');
    }

    private static List<Op> ops(List<String> a, List<String> b) {
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) pre++;
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) suf++;
        int n = a.size() - pre - suf;
        int m = b.size() - pre - suf;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(pre + i).equals(b.get(pre + j))
                        ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < pre; k++) ops.add(new Op(' ', a.get(k), k + 1, k + 1));
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(pre + i).equals(b.get(pre + j))) {
                ops.add(new Op(' ', a.get(pre + i), pre + i + 1, pre + j + 1));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // Deletions before insertions, as diff -u prints a changed line.
                ops.add(new Op('-', a.get(pre + i), pre + i + 1, pre + j + 1));
                i++;
            } else {
                ops.add(new Op('+', b.get(pre + j), pre + i + 1, pre + j + 1));
                j++;
            }
        }
        for (int k = suf; k > 0; k--) {
            ops.add(new Op(' ', a.get(a.size() - k), a.size() - k + 1, b.size() - k + 1));
        }
        return ops;
    }
}
