package dev.berth.ecs.scheduler;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Candidate instances of one prepared request, kept in strategy order so a decision looks at a
 * handful of instances instead of all of them.
 *
 * <p>Leading attribute spreads (zone, say) split the instances into buckets: one per combination
 * of values. A bucket's rank is the vector of its values' group counts, which changes for every
 * instance of the bucket at once, so it is computed per decision over the few buckets instead of
 * being stored per instance. Inside a bucket the remaining strategies only look at the instance
 * itself (its group count, its remaining cpu or memory), so a sorted set keyed by them stays
 * correct as long as an instance is taken out before its values change ({@link #detach}) and put
 * back after ({@link #attach}).
 *
 * <p>Instances that cannot fit until a task stops on them are dropped as they are met, so a
 * decision does not step over the same full instances again and again.
 */
final class RankIndex {
    private final LiveCluster cluster;
    private final PreparedRequest p;
    private final String[] levels;
    private final List<Strategy> local = new ArrayList<>();
    private final int[] bucketOf;
    private final List<int[]> bucketValues = new ArrayList<>();
    private final List<TreeSet<Integer>> buckets = new ArrayList<>();
    private final boolean[] member;
    private final Comparator<Integer> order;

    RankIndex(LiveCluster cluster, PreparedRequest p) {
        this.cluster = cluster;
        this.p = p;
        List<String> attrs = new ArrayList<>();
        for (Strategy s : p.strategies) {
            if (local.isEmpty() && s instanceof Strategy.Spread sp && !sp.byInstance()) attrs.add(sp.attribute());
            else local.add(s);
        }
        levels = attrs.toArray(new String[0]);
        order = (a, b) -> compareLocal(a, b);
        int n = cluster.size();
        bucketOf = new int[n];
        member = new boolean[n];
        Map<List<Integer>, Integer> ids = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int[] values = new int[levels.length];
            for (int l = 0; l < levels.length; l++) values[l] = cluster.column(levels[l]).valueOf[i];
            bucketOf[i] = ids.computeIfAbsent(Arrays.stream(values).boxed().toList(), k -> {
                bucketValues.add(values);
                buckets.add(new TreeSet<>(order));
                return buckets.size() - 1;
            });
            member[i] = p.staticPass[i];
            attach(i);
        }
    }

    private int compareLocal(int a, int b) {
        for (Strategy s : local) {
            int r = Long.compare(Ranking.key(cluster, p, s, a, 0, 0), Ranking.key(cluster, p, s, b, 0, 0));
            if (r != 0) return r;
        }
        return Integer.compare(a, b);
    }

    void detach(int i) {
        if (member[i]) buckets.get(bucketOf[i]).remove(i);
    }

    void attach(int i) {
        if (member[i]) buckets.get(bucketOf[i]).add(i);
    }

    /** A stop freed capacity on i: it may fit again. Called between detach and attach. */
    void reinstate(int i) {
        member[i] = p.staticPass[i];
    }

    /** The instance the strategies prefer among those that fit now, or -1. */
    int choose() {
        int nb = buckets.size();
        long[][] rank = new long[nb][];
        Integer[] byRank = new Integer[nb];
        for (int b = 0; b < nb; b++) {
            rank[b] = bucketRank(b);
            byRank[b] = b;
        }
        Arrays.sort(byRank, (x, y) -> Arrays.compare(rank[x], rank[y]));
        for (int start = 0; start < nb; ) {
            int end = start;
            int best = -1;
            while (end < nb && Arrays.equals(rank[byRank[start]], rank[byRank[end]])) {
                int candidate = firstFitting(byRank[end]);
                if (candidate >= 0 && (best < 0 || compareLocal(candidate, best) < 0)) best = candidate;
                end++;
            }
            if (best >= 0) return best;
            start = end;
        }
        return -1;
    }

    private long[] bucketRank(int b) {
        long[] r = new long[levels.length];
        int[] values = bucketValues.get(b);
        for (int l = 0; l < levels.length; l++) r[l] = cluster.spreadCounts(p.group, levels[l])[values[l]];
        return r;
    }

    private int firstFitting(int b) {
        Iterator<Integer> it = buckets.get(b).iterator();
        while (it.hasNext()) {
            int i = it.next();
            int verdict = p.check(i);
            if (verdict == PreparedRequest.FITS) return i;
            if (verdict != PreparedRequest.NOT_NOW) {
                it.remove();
                member[i] = false;
            }
        }
        return -1;
    }
}
