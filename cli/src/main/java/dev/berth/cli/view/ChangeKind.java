package dev.berth.cli.view;

/**
 * What happened to one attribute, element or nested value. Replacement only exists at the
 * resource level (see {@link ResourceHeading}); inside a value a change is one of these four.
 */
enum ChangeKind {
    NO_OP, CREATE, UPDATE, DELETE;

    /** Terraform's three-column action marker, e.g. {@code "  +"}; blank for no change. */
    String symbol(Palette p) {
        return switch (this) {
            case CREATE -> "  " + p.green("+");
            case DELETE -> "  " + p.red("-");
            case UPDATE -> "  " + p.yellow("~");
            case NO_OP -> "   ";
        };
    }

    /** Folding children into a parent: anything but all-unchanged is an update of the parent. */
    static ChangeKind ofChildren(Iterable<? extends Diff> children) {
        for (Diff d : children) if (d.kind() != NO_OP) return UPDATE;
        return NO_OP;
    }
}
