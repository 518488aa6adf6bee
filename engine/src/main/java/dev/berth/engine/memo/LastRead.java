package dev.berth.engine.memo;

import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the last read of one kind worked out, for the next read in the same process. A background
 * berth plans one directory again and again: parsing the same configuration text and decoding
 * the same stored objects each time was a quarter of a warm plan of 10,000 resources. Only for
 * pure work: an answer is kept with the input it was worked out from, and taken again only when
 * the caller finds that input unchanged, so it is the answer the work would give. Only the last
 * read is kept (what left since is forgotten), and softly: a JVM short of memory drops it.
 *
 * <p>Only a JVM that reads again keeps anything ({@link #keepAcrossReads}: the background berth).
 * A command in a JVM of its own reads once, and what it kept would be held to its end for nothing:
 * the stored text of every state object beside its decoded value, 110 MB of a plan of 100,000.
 */
public final class LastRead<K, V> {
    private static volatile boolean keep;
    private volatile SoftReference<Map<K, V>> last = new SoftReference<>(null);

    /** From now on this JVM keeps each read's answers for the next (a background berth says so at its start). */
    public static void keepAcrossReads(boolean on) {
        keep = on;
    }

    /** Whether this JVM reads again, so that what a read works out is worth keeping for the next. */
    public static boolean keepsAcrossReads() {
        return keep;
    }

    /** A read begins: what the last one worked out is at hand, what this one works out is kept. */
    public Pass<K, V> begin() {
        Map<K, V> before = last.get();
        return new Pass<>(this, before == null ? Map.of() : before, keep ? new ConcurrentHashMap<>() : null);
    }

    /** Forgets every answer (tests, and a caller that knows the work's rules changed). */
    public void forget() {
        last = new SoftReference<>(null);
    }

    /** One read; {@link #get} may be called from several threads at once. */
    public static final class Pass<K, V> {
        private final LastRead<K, V> owner;
        private final Map<K, V> before;
        /** What this read works out, for the next; null when this JVM does not read again. */
        private final Map<K, V> now;

        private Pass(LastRead<K, V> owner, Map<K, V> before, Map<K, V> now) {
            this.owner = owner;
            this.before = before;
            this.now = now;
        }

        /**
         * The last read's answer for {@code key} if {@code current} says it still holds, or else
         * {@code work}'s; a null answer is not kept. Keyed by a short name and checked against the
         * input it was worked out from (an object's address, then its stored text), a lookup
         * compares the input once instead of hashing it first.
         */
        public V get(K key, Predicate<V> current, Function<K, V> work) {
            V v = before.get(key);
            if (v == null || !current.test(v)) v = work.apply(key);
            if (v != null && now != null) now.put(key, v);
            return v;
        }

        /**
         * The last read's answer for {@code key}, or null: for a caller whose check of it takes
         * more than the answer (see {@link #keep}).
         */
        public V last(K key) {
            return before.get(key);
        }

        /** Keeps {@code answer} for the next read, as {@link #get} keeps what it returns. */
        public void keep(K key, V answer) {
            if (answer != null && now != null) now.put(key, answer);
        }

        /** The read ended: its answers are what the next read finds. */
        public void end() {
            if (now != null) owner.last = new SoftReference<>(now);
        }
    }
}
