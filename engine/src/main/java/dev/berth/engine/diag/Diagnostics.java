package dev.berth.engine.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An append-only collector of diagnostics; all errors of a run are reported together. */
public final class Diagnostics {
    private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());

    public Diagnostics add(Diagnostic d) {
        items.add(d);
        return this;
    }

    public Diagnostics addAll(Iterable<Diagnostic> ds) {
        for (Diagnostic d : ds) items.add(d);
        return this;
    }

    public Diagnostics addAll(Diagnostics other) {
        // Most collectors stay empty (one per resource a plan walks): nothing to copy.
        return other.isEmpty() ? this : addAll(other.list());
    }

    public Diagnostics error(String summary, String detail, SourceRange range) {
        return add(Diagnostic.error(summary, detail, range));
    }

    public boolean hasErrors() {
        // A loop, not a stream: asked several times for each resource a plan walks.
        synchronized (items) {
            for (int i = 0; i < items.size(); i++) if (items.get(i).isError()) return true;
            return false;
        }
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** How many were collected so far. */
    public int size() {
        synchronized (items) {
            return items.size();
        }
    }

    public List<Diagnostic> list() {
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    /** Throws a {@link DiagnosticsException} carrying everything collected if any is an error. */
    public void throwIfErrors() {
        if (hasErrors()) throw new DiagnosticsException(list());
    }
}
