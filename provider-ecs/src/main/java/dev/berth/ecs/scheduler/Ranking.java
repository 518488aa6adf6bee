package dev.berth.ecs.scheduler;


/**
 * The order strategies put instances in, lowest key first, applied lexicographically, with the
 * instance ordinal (id order) as the last tie-break. This is the definition; the rank index is an
 * optimisation that must choose exactly what {@link #chooseLinear} chooses.
 */
final class Ranking {
    private Ranking() {
    }

    static long key(LiveCluster c, PreparedRequest p, Strategy s, int i, long seed, int decision) {
        if (s instanceof Strategy.Binpack b) {
            return b.resource() == Strategy.Resource.CPU ? c.remainingCpu(i) : c.remainingMemory(i);
        }
        if (s instanceof Strategy.Spread sp) {
            if (sp.byInstance()) return c.groupCount(p.group, i);
            return c.spreadCounts(p.group, sp.attribute())[c.column(sp.attribute()).valueOf[i]];
        }
        return mix(seed, decision, i);
    }

    static int compare(LiveCluster c, PreparedRequest p, int a, int b, long seed, int decision) {
        for (Strategy s : p.strategies) {
            int r = Long.compare(key(c, p, s, a, seed, decision), key(c, p, s, b, seed, decision));
            if (r != 0) return r;
        }
        return Integer.compare(a, b);
    }

    /** Scans every instance: the best one that fits now, or -1. */
    static int chooseLinear(LiveCluster c, PreparedRequest p, long seed, int decision) {
        int best = -1;
        for (int i = 0; i < c.size(); i++) {
            if (p.check(i) != PreparedRequest.FITS) continue;
            if (best < 0 || compare(c, p, i, best, seed, decision) < 0) best = i;
        }
        return best;
    }

    /** SplitMix64 of seed, decision and instance: a fresh, reproducible random order per decision. */
    static long mix(long seed, long decision, long i) {
        long z = seed + 0x9E3779B97F4A7C15L * (decision * 1_000_003L + i + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
