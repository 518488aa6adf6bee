package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

/** A template element before directives are nested; literals stay mutable for trimming. */
sealed interface FlatPart {
    SourceRange range();

    default boolean stripLeft() {
        return false;
    }

    default boolean stripRight() {
        return false;
    }

    final class Lit implements FlatPart {
        String text;
        final SourceRange range;

        Lit(String text, SourceRange range) {
            this.text = text;
            this.range = range;
        }

        @Override
        public SourceRange range() {
            return range;
        }
    }

    record Interp(Expr expr, boolean stripLeft, boolean stripRight, SourceRange range) implements FlatPart {
    }

    /** kind is if, else, endif, for or endfor; the other fields are set as the kind needs. */
    record Directive(String kind, Expr expr, String keyVar, String valueVar, boolean stripLeft,
                     boolean stripRight, SourceRange range) implements FlatPart {
    }
}
