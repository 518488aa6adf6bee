package dev.berth.cli.command;

import java.util.Collection;
import java.util.Optional;

/** The closest of some names to what was typed, as Terraform and git suggest: within a third of its length. */
final class Suggestions {
    private Suggestions() {
    }

    static Optional<String> closest(String typed, Collection<String> names) {
        String t = typed.toLowerCase();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(t, n.toLowerCase());
            boolean near = d <= Math.max(1, Math.max(t.length(), n.length()) / 3);
            if (near && d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: a swap of two neighbours counts once ("pln" and "plan" are 1 apart). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
