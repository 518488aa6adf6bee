package dev.berth.engine.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The texts of sensitive values, for taking them out of messages that code outside the engine
 * wrote without knowing about markings (a provider's error quoting a container name, an engine's
 * error quoting a command). Markings keep values hidden; this is the net under messages.
 */
public final class Secrets {
    /** What a hidden text is replaced with, as the views print sensitive values. */
    public static final String HIDDEN = "(sensitive value)";
    /**
     * Shorter texts are not treated as secrets: replacing "1" or "on" in every message would make
     * messages unreadable while protecting nothing a reader could not guess.
     */
    static final int MIN_LENGTH = 4;

    private final List<String> texts;

    private Secrets(Set<String> texts) {
        List<String> sorted = new ArrayList<>(texts);
        // Longest first, so a secret that contains another is replaced whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.texts = List.copyOf(sorted);
    }

    public static final Secrets NONE = new Secrets(Set.of());

    /**
     * The marked texts inside these values: every string and number under a marking, and the
     * strings inside a marked string that holds JSON (a container definition made by
     * {@code jsonencode}), in their plain and JSON-escaped spellings.
     */
    public static Secrets in(Value... values) {
        Set<String> out = new LinkedHashSet<>();
        for (Value v : values) if (v != null) collect(v, false, out);
        return new Secrets(out);
    }

    public Secrets and(Secrets other) {
        Set<String> all = new LinkedHashSet<>(texts);
        all.addAll(other.texts);
        return new Secrets(all);
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /** The text with every secret replaced by {@link #HIDDEN}. */
    public String redact(String text) {
        if (text == null || texts.isEmpty()) return text;
        String out = text;
        for (String s : texts) if (out.contains(s)) out = out.replace(s, HIDDEN);
        return out;
    }

    private static void collect(Value v, boolean marked, Set<String> out) {
        if (v instanceof SensitiveValue s) {
            collect(s.inner(), true, out);
        } else if (v instanceof MapValue m) {
            // Keys are names ("environment", "value"), not secrets: hiding them would hide nothing.
            for (Value x : m.entries().values()) collect(x, marked, out);
        } else if (v instanceof ListValue l) {
            for (int i = 0; i < l.size(); i++) collect(l.get(i), marked, out);
        } else if (marked && v instanceof StringValue s) {
            add(s.value(), out);
            insideJson(s.value(), out);
        } else if (marked && v instanceof NumberValue n) {
            add(n.toString(), out);
        }
    }

    private static void add(String s, Set<String> out) {
        if (s.length() < MIN_LENGTH) return;
        out.add(s);
        String escaped = ValueJson.toJson(Value.of(s));
        escaped = escaped.substring(1, escaped.length() - 1);
        if (!escaped.equals(s)) out.add(escaped);
    }

    private static void insideJson(String s, Set<String> out) {
        String t = s.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) return;
        try {
            collect(ValueJson.fromJson(t), true, out);
        } catch (RuntimeException notJson) {
            // Only text that parses as JSON has parts worth hiding on their own.
        }
    }
}
