package dev.berth.cli.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lines up the elements of two sequences for display. Elements common to both (by a longest
 * common subsequence) stay put; between them, removed elements are listed before added ones.
 * Objects are the exception: an object removed where another is added is shown as one object
 * edited in place, because showing a whole container definition deleted and re-added for one
 * changed field would hide the change the reader cares about.
 */
final class ListMatcher {

    /** Indices into the before and after sequences; -1 where the element is absent on that side. */
    record Pair(int before, int after) {
    }

    private ListMatcher() {
    }

    static <T> List<Pair> align(List<T> before, List<T> after, Predicate<T> isObject) {
        int[][] common = commonSubsequence(before, after);
        List<Pair> out = new ArrayList<>(Math.max(before.size(), after.size()));
        int b = 0;
        int a = 0;
        for (int k = 0; k <= common.length; k++) {
            int nextB = k < common.length ? common[k][0] : before.size();
            int nextA = k < common.length ? common[k][1] : after.size();
            for (; b < nextB; b++) {
                if (a < nextA && isObject.test(before.get(b)) && isObject.test(after.get(a))) {
                    out.add(new Pair(b, a++));
                } else {
                    out.add(new Pair(b, -1));
                }
            }
            for (; a < nextA; a++) out.add(new Pair(-1, a));
            if (k < common.length) out.add(new Pair(b++, a++));
        }
        return out;
    }

    /** Index pairs of one longest common subsequence, in order. */
    private static <T> int[][] commonSubsequence(List<T> x, List<T> y) {
        int n = x.size();
        int m = y.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = x.get(i).equals(y.get(j)) ? len[i + 1][j + 1] + 1
                        : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int[][] pairs = new int[len[0][0]][];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < n && j < m) {
            if (x.get(i).equals(y.get(j))) {
                pairs[k++] = new int[] {i++, j++};
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return pairs;
    }
}
