package dev.berth.cli.view;

import dev.berth.engine.value.Value;

import java.util.List;
import java.util.SortedMap;

/**
 * A computed difference between two values, shaped for rendering. Computing the tree first
 * (in {@link ValueDiffer}) and printing it second (in {@link DiffPrinter}) keeps the decisions
 * about what changed apart from the decisions about layout, which is how hidden counts and
 * context lines can be worked out without re-comparing values while printing.
 */
sealed interface Diff {

    ChangeKind kind();

    /** True when this exact path is one that forces the resource to be replaced. */
    boolean replace();

    /** A string, number, bool or null; {@code before}/{@code after} are null when absent. */
    record Primitive(Value before, Value after, ChangeKind kind, boolean replace) implements Diff {
    }

    /** An object or map: attributes keyed and sorted by name. */
    record Obj(SortedMap<String, Diff> attributes, ChangeKind kind, boolean replace) implements Diff {
    }

    /** A list, tuple or set, elements in display order. */
    record Seq(List<Diff> elements, ChangeKind kind, boolean replace) implements Diff {
    }

    /** A value known only after apply; {@code before} is the prior value's removal, or null. */
    record Unknown(Diff before, ChangeKind kind, boolean replace) implements Diff {
    }

    /** A value that is sensitive on either side; nothing about its content is kept. */
    record Sensitive(ChangeKind kind, boolean replace) implements Diff {
    }

    /** A value whose shape changed (e.g. object to string): old removed, new added. */
    record TypeChange(Diff before, Diff after, ChangeKind kind, boolean replace) implements Diff {
    }

    /**
     * A string holding JSON, diffed structurally. {@code whitespaceOnly} marks an update where
     * the strings differ but the documents are equal.
     */
    record Json(Diff inner, ChangeKind kind, boolean replace, boolean whitespaceOnly) implements Diff {
    }
}
