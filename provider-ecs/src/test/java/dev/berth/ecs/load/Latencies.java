package dev.berth.ecs.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies per action, kept whole (a minute of load is some hundred thousand numbers). */
public final class Latencies {
    private final Map<String, long[]> byAction = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    synchronized void add(String action, long nanos) {
        long[] a = byAction.computeIfAbsent(action, k -> new long[1024]);
        int n = counts.getOrDefault(action, 0);
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            byAction.put(action, a);
        }
        a[n] = nanos;
        counts.put(action, n + 1);
    }

    /** One action's numbers: how many, per second over {@code seconds}, and percentiles in ms. */
    public record Summary(String action, int count, double perSecond, double p50, double p99, double max) {
        String row() {
            return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |", action, count, perSecond, p50, p99, max);
        }
    }

    synchronized Map<String, Summary> summaries(double seconds) {
        Map<String, Summary> out = new TreeMap<>();
        byAction.forEach((action, all) -> {
            int n = counts.get(action);
            long[] a = Arrays.copyOf(all, n);
            Arrays.sort(a);
            out.put(action, new Summary(action, n, n / seconds, ms(a, 0.50), ms(a, 0.99), a[n - 1] / 1e6));
        });
        return out;
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
