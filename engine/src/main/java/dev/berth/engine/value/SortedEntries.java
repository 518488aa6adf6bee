package dev.berth.engine.value;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;

/**
 * The immutable entries of a {@link MapValue}: keys sorted as a {@code TreeMap} sorts them, in
 * two arrays. A plan of 100,000 resources holds tens of millions of attributes; a tree entry
 * costs 40 bytes and a pointer chase per step, a slot here 8 bytes and a binary search.
 */
final class SortedEntries extends AbstractMap<String, Value> {
    static final SortedEntries EMPTY = new SortedEntries(new String[0], new Value[0]);

    private final String[] keys;
    private final Value[] values;
    /**
     * What {@link #containsSensitive} and {@link #isWhollyKnown} found, once asked (bits below):
     * a plan asks both of every object's values several times (marks stripped for the provider,
     * the cost estimate), and a background berth plans again with the very values it read before.
     * Entries never change, so the answer never does; a byte costs no room in the object.
     */
    private byte found;
    private static final byte SENSITIVE_ASKED = 1, SENSITIVE = 2, KNOWN_ASKED = 4, KNOWN = 8;

    private SortedEntries(String[] keys, Value[] values) {
        this.keys = keys;
        this.values = values;
    }

    boolean containsSensitive() {
        byte f = found;
        if ((f & SENSITIVE_ASKED) == 0) {
            boolean any = false;
            for (Value v : values) {
                if (v.containsSensitive()) {
                    any = true;
                    break;
                }
            }
            f = (byte) (found | SENSITIVE_ASKED | (any ? SENSITIVE : 0));
            found = f;
        }
        return (f & SENSITIVE) != 0;
    }

    boolean isWhollyKnown() {
        byte f = found;
        if ((f & KNOWN_ASKED) == 0) {
            boolean all = true;
            for (Value v : values) {
                if (!v.isWhollyKnown()) {
                    all = false;
                    break;
                }
            }
            f = (byte) (found | KNOWN_ASKED | (all ? KNOWN : 0));
            found = f;
        }
        return (f & KNOWN) != 0;
    }

    /** Up to this many entries are sorted by insertion. */
    private static final int SMALL = 40;

    /** The same entries, sorted; a map that already is one is shared, not copied. */
    static SortedEntries of(Map<String, Value> source) {
        if (source instanceof SortedEntries s) return s;
        int n = source.size();
        if (n == 0) return EMPTY;
        String[] k = new String[n];
        Value[] v = new Value[n];
        int i = 0;
        for (Map.Entry<String, Value> e : source.entrySet()) {
            k[i] = Objects.requireNonNull(e.getKey(), "a map key");
            v[i] = e.getValue();
            i++;
        }
        if (!(source instanceof SortedMap<?, ?> sorted && sorted.comparator() == null)) sort(k, v);
        return new SortedEntries(k, v);
    }

    /** Sorts both arrays by key (a map's keys are distinct, so the order is total). */
    private static void sort(String[] k, Value[] v) {
        if (k.length <= SMALL) {
            // An object's attributes (a few dozen at most): in place, without boxing an index per
            // entry, a comparator and two copies; every object a refresh reads back is sorted here.
            for (int i = 1; i < k.length; i++) {
                String key = k[i];
                Value value = v[i];
                int j = i - 1;
                while (j >= 0 && k[j].compareTo(key) > 0) {
                    k[j + 1] = k[j];
                    v[j + 1] = v[j];
                    j--;
                }
                k[j + 1] = key;
                v[j + 1] = value;
            }
            return;
        }
        Integer[] order = new Integer[k.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> k[a].compareTo(k[b]));
        String[] ks = k.clone();
        Value[] vs = v.clone();
        for (int i = 0; i < order.length; i++) {
            k[i] = ks[order[i]];
            v[i] = vs[order[i]];
        }
    }

    /** These entries with {@code key} set to {@code value}, added or replaced. */
    SortedEntries with(String key, Value value) {
        int i = Arrays.binarySearch(keys, Objects.requireNonNull(key, "a map key"));
        if (i >= 0) {
            Value[] v = values.clone();
            v[i] = value;
            return new SortedEntries(keys, v);
        }
        int at = -i - 1;
        String[] k = new String[keys.length + 1];
        Value[] v = new Value[keys.length + 1];
        System.arraycopy(keys, 0, k, 0, at);
        System.arraycopy(values, 0, v, 0, at);
        k[at] = key;
        v[at] = value;
        System.arraycopy(keys, at, k, at + 1, keys.length - at);
        System.arraycopy(values, at, v, at + 1, keys.length - at);
        return new SortedEntries(k, v);
    }

    /**
     * These entries with every one of {@code changes} set, added or replaced. Replacing keys
     * already here (a provider filling in an object's computed attributes) shares the keys and
     * copies the values once, where a map rebuilt from scratch would sort them again.
     */
    SortedEntries withAll(Map<String, Value> changes) {
        Value[] v = null;
        for (Map.Entry<String, Value> e : changes.entrySet()) {
            int i = Arrays.binarySearch(keys, Objects.requireNonNull(e.getKey(), "a map key"));
            if (i < 0) {
                java.util.TreeMap<String, Value> merged = new java.util.TreeMap<>(this);
                merged.putAll(changes);
                return of(merged);
            }
            if (v == null) v = values.clone();
            v[i] = e.getValue();
        }
        return v == null ? this : new SortedEntries(keys, v);
    }

    private int indexOf(Object key) {
        return key instanceof String s ? Arrays.binarySearch(keys, s) : -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Value get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
    }

    /**
     * Two of these hold their keys in the same order, so they are equal slot by slot: no search
     * per key (a refresh compares every attribute of every object it reads with the stored one).
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof SortedEntries other)) return super.equals(o);
        if (other.keys.length != keys.length) return false;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != other.keys[i] && !keys[i].equals(other.keys[i])) return false;
            if (values[i] != other.values[i] && !Objects.equals(values[i], other.values[i])) return false;
        }
        return true;
    }

    /** As every map's: the sum of each entry's key hash XOR value hash. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < keys.length; i++) h += keys[i].hashCode() ^ Objects.hashCode(values[i]);
        return h;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Value> action) {
        for (int i = 0; i < keys.length; i++) action.accept(keys[i], values[i]);
    }

    @Override
    public Collection<Value> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Value> iterator() {
                return new Cursor<>(i -> values[i]);
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public Set<Map.Entry<String, Value>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Value>> iterator() {
                return new Cursor<>(i -> new SimpleImmutableEntry<>(keys[i], values[i]));
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /** Walks the slots in key order; removing is not supported, as the map is immutable. */
    private final class Cursor<T> implements Iterator<T> {
        private final java.util.function.IntFunction<T> at;
        private int next;

        Cursor(java.util.function.IntFunction<T> at) {
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            return next < keys.length;
        }

        @Override
        public T next() {
            if (next >= keys.length) throw new NoSuchElementException();
            return at.apply(next++);
        }
    }
}
