package dev.berth.engine.addrs;

/** Which instance of a resource: none (single), an index from count, or a key from for_each. */
public sealed interface InstanceKey extends Comparable<InstanceKey> {

    InstanceKey NONE = new None();

    static InstanceKey of(int index) {
        return new Index(index);
    }

    static InstanceKey of(String key) {
        return new Key(key);
    }

    /** The suffix as Terraform prints it: {@code ""}, {@code [0]} or {@code ["blue"]}. */
    String suffix();

    private int rank() {
        return this instanceof None ? 0 : this instanceof Index ? 1 : 2;
    }

    @Override
    default int compareTo(InstanceKey o) {
        if (rank() != o.rank()) return Integer.compare(rank(), o.rank());
        if (this instanceof Index a && o instanceof Index b) return Integer.compare(a.value, b.value);
        if (this instanceof Key a && o instanceof Key b) return a.value.compareTo(b.value);
        return 0;
    }

    // equals and hashCode written out, as ResourceAddr's are: a record's own go through method
    // handles, which the client compiler does not inline, and every address hashes its key.
    record None() implements InstanceKey {
        @Override
        public String suffix() {
            return "";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof None;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    record Index(int value) implements InstanceKey {
        @Override
        public String suffix() {
            return "[" + value + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Index i && value == i.value;
        }

        @Override
        public int hashCode() {
            return value;
        }
    }

    record Key(String value) implements InstanceKey {
        @Override
        public String suffix() {
            return "[\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && value.equals(k.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }
}
